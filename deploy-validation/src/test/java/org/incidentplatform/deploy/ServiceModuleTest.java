package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.incidentplatform.deploy.support.ServiceModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which variables a deployment must set, derived from a service's application.yml. */
class ServiceModuleTest {

    @TempDir
    Path directory;

    @Test
    void aVariableReadWithoutDefaultMustBeSetByEveryDeployment() throws IOException {
        ServiceModule service = read("""
                server:
                  port: ${SERVER_PORT:8085}
                slack:
                  # A new variable: the deployments must set it or the service cannot start.
                  token: ${SLACK_BOT_TOKEN}
                  channel: ${SLACK_CHANNEL:#incidents}
                  webhook: ${SLACK_WEBHOOK:${SLACK_FALLBACK_WEBHOOK}}
                incidents:
                  security:
                    bootstrap-api-key: ${INCIDENTS_API_KEY:}
                """);

        assertThat(service.defaultPort()).isEqualTo(8085);
        assertThat(service.variablesADeploymentMustSet()).containsExactly("INCIDENTS_API_KEY", "KAFKA_BOOTSTRAP_SERVERS",
                "MONGODB_URI", "SERVER_PORT", "SLACK_BOT_TOKEN");
    }

    @Test
    void profileDocumentsAndPropertyReferencesDoNotCount() throws IOException {
        ServiceModule service = read("""
                server:
                  port: 8086
                spring:
                  application:
                    name: x
                info:
                  name: ${spring.application.name}
                ---
                spring:
                  config:
                    activate:
                      on-profile: test
                test:
                  only: ${ONLY_IN_TESTS}
                """);

        assertThat(service.defaultPort()).isEqualTo(8086);
        assertThat(service.variablesADeploymentMustSet()).containsExactlyElementsOf(ServiceModule.CORE.stream().sorted().toList());
    }

    @Test
    void aServiceConsumesTheIncidentTopicUnlessItsConsumerIsSwitchedOff() throws IOException {
        assertThat(read("server:\n  port: 1\n").consumesIncidentEvents()).isTrue();
        assertThat(read("server:\n  port: 1\nincidents:\n  consumer:\n    enabled: false\n").consumesIncidentEvents()).isFalse();
    }

    private ServiceModule read(String applicationYml) throws IOException {
        Path file = directory.resolve("application.yml");
        Files.writeString(file, applicationYml);
        return ServiceModule.read("example-service", file);
    }
}
