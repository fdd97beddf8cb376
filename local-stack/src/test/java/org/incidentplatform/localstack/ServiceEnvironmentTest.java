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
}
