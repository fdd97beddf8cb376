package org.incidentplatform.report.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** What an operator scrapes from report-service's /actuator/prometheus, with the admin key only. */
class PrometheusMetricsTest extends ReportServiceTest {

    @Test
    void consumerLagAndProjectionCountersAreScraped() {
        topic.awaitConsumed(GROUP_ID, topic.publish(TestEvent.opened()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape())
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .contains("spring_kafka_listener_seconds_count{")
                .contains("report_projection_gaps_total{")
                .contains("application=\"report-service\""));
    }

    @Test
    void theScrapeNeedsTheAdminKey() {
        int status = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(401);
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").retrieve().body(String.class);
    }
}
