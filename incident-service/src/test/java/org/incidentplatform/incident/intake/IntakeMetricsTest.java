package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The intake rate an operator graphs: alerts received per integration and action. */
@IncidentServiceTest
class IntakeMetricsTest {

    @LocalServerPort
    int port;

    @Test
    void everyReceivedAlertIsCountedPerIntegrationAndAction() {
        ApiClient admin = new ApiClient(port);
        String key = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{}");
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(new ApiClient(port, null).send(HttpMethod.POST, "/api/v1/integrations/" + key + "/alertmanager",
                IntakeFixtures.alertmanager(service, "fp-metrics-" + service)).status()).isEqualTo(202);

        assertThat(admin.get("/actuator/prometheus").body().asString())
                .containsPattern("(?m)^incidents_intake_alerts_total\\{[^}]*action=\"trigger\"[^}]*} [1-9]");
    }
}
