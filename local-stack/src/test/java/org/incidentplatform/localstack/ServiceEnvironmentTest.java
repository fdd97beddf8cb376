package org.incidentplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher tells each service process beyond where its store and broker are. */
class ServiceEnvironmentTest {

    @TempDir
    Path dataDir;

    @Test
    void noServiceReportsUsageToAxonIQ() {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));

        for (ServiceSpec spec : config.services()) {
            assertThat(ServiceEnvironment.of(config, spec)).as(spec.name())
                    .containsEntry("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        }
    }

    @Test
    void notificationServiceMailsTheOnCallAddressThroughTheCatcherWithoutCredentials() {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "SMTP_CATCHER_PORT", "2525"));

        Map<String, String> notifications = ServiceEnvironment.of(config, service(config, "notification-service"));

        assertThat(notifications).containsEntry("SMTP_HOST", "127.0.0.1").containsEntry("SMTP_PORT", "2525")
                .containsEntry("ONCALL_EMAIL", "oncall@localhost")
                .containsEntry("SMTP_USERNAME", "").containsEntry("SMTP_PASSWORD", "");
        assertThat(ServiceEnvironment.of(config, service(config, "incident-service"))).doesNotContainKey("SMTP_HOST");
    }

    @Test
    void theOnCallAddressCanBeChosen() {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "ONCALL_EMAIL", "sre@example.test"));

        assertThat(ServiceEnvironment.of(config, service(config, "notification-service")))
                .containsEntry("ONCALL_EMAIL", "sre@example.test");
    }

    @Test
    void theServiceThatSignsAcknowledgeLinksAndTheOneThatChecksThemShareOneSecret() {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "INCIDENT_SERVICE_PORT", "9181"));

        Map<String, String> incidents = ServiceEnvironment.of(config, service(config, "incident-service"));
        Map<String, String> notifications = ServiceEnvironment.of(config, service(config, "notification-service"));

        assertThat(incidents.get("PAGE_LINK_SECRET")).hasSize(64).isEqualTo(notifications.get("PAGE_LINK_SECRET"))
                .doesNotContain(config.apiKey());
        assertThat(notifications).containsEntry("INCIDENTS_PUBLIC_URL", "http://127.0.0.1:9181");
        assertThat(ServiceEnvironment.of(config, service(config, "timeline-service"))).doesNotContainKey("PAGE_LINK_SECRET");
    }

    private static ServiceSpec service(LocalStackConfig config, String name) {
        return config.services().stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
    }
}
