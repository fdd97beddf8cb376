package org.incidentplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack exactly as the README's run command starts it (four service JVMs from their packaged
 * jars, a real KRaft broker, a file-backed MongoDB server and the mail catcher), on free ports and
 * a temporary data directory. Every service reports healthy; one incident must reach all three
 * consumers, and survive a full restart without being delivered a second time; an alert ends up
 * as an e-mail to the on-call address that can be read at the catcher's page.
 */
class WholeSystemIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private StackRequests requests;

    @Test
    void anIncidentReachesEveryConsumerAndSurvivesARestartWithoutASecondDelivery() throws Exception {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(freePorts());
        requests = new StackRequests(config);
        String incidentId;

        try (LocalStack stack = new LocalStack(config).start()) {
            awaitEveryServiceHealthy(config);
            HttpResponse<String> created = post(url(config, 0, "/api/v1/incidents"),
                    "{\"title\":\"DNS records missing after provider switch\",\"severity\":\"SEV1\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            incidentId = JsonPath.read(created.body(), "$.id");
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/incidents/" + incidentId);

            long openedAt = System.nanoTime();
            awaitVisibleInEveryConsumer(config, incidentId);
            System.out.printf("Incident visible in all three consumers %d ms after 201%n",
                    (System.nanoTime() - openedAt) / 1_000_000);

            anAlertIsMailedToTheOnCallAddress(config, URI.create(stack.mailCatcher().url()));
        }

        try (LocalStack restarted = new LocalStack(config).start()) {
            assertThat(get(url(config, 0, "/api/v1/incidents/" + incidentId)).statusCode()).isEqualTo(200);
            assertThat(get(url(config, 1, "/api/v1/incidents/" + incidentId + "/timeline")).statusCode()).isEqualTo(200);
            assertThat(get(url(config, 2, "/api/v1/incidents/" + incidentId + "/postmortem")).statusCode()).isEqualTo(200);
            // Give the consumers time to (wrongly) re-consume anything whose offset was not committed.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(deliveriesOf(config, incidentId)).hasSize(2));
            // The timeline holds the opening once, and each delivery that notification-service
            // published about it (e-mail, log) once: nothing was consumed or delivered a second time.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<String> kinds = JsonPath.read(
                        get(url(config, 1, "/api/v1/incidents/" + incidentId + "/timeline")).body(), "$.entries[*].kind");
                assertThat(kinds).containsExactlyInAnyOrder("opened", "notification-delivered", "notification-delivered");
            });
        }
    }

    /** Health as a whole (Kafka, the event relay, mail...), not only the readiness the launcher waited for. */
    private void awaitEveryServiceHealthy(LocalStackConfig config) {
        for (int service = 0; service < config.services().size(); service++) {
            URI health = url(config, service, "/actuator/health");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> answer = get(health);
                assertThat(answer.statusCode()).as(health + " " + answer.body()).isEqualTo(200);
                assertThat((String) JsonPath.read(answer.body(), "$.status")).as(health + " " + answer.body()).isEqualTo("UP");
            });
        }
    }

    private void anAlertIsMailedToTheOnCallAddress(LocalStackConfig config, URI mailPage) throws Exception {
        HttpResponse<String> integration = post(url(config, 0, "/api/v1/integrations"),
                "{\"name\":\"whole-system-alertmanager\",\"type\":\"ALERTMANAGER\"}");
        assertThat(integration.statusCode()).isEqualTo(201);
        String key = JsonPath.read(integration.body(), "$.key");
        HttpResponse<String> alert = post(url(config, 0, "/api/v1/integrations/" + key + "/alertmanager"), """
                {"version":"4","status":"firing","groupKey":"{}:{alertname=\\"HighErrorRate\\"}","truncatedAlerts":0,
                 "alerts":[{"status":"firing","labels":{"alertname":"HighErrorRate","service":"api","severity":"critical"},
                 "annotations":{"summary":"API 5xx rate above 5%"},"startsAt":"2026-11-21T09:39:30Z",
                 "endsAt":"0001-01-01T00:00:00Z","fingerprint":"8a3f0e2b1c4d5e6f"}]}""");
        assertThat(alert.statusCode()).as(alert.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String listing = http.send(HttpRequest.newBuilder(mailPage).build(), HttpResponse.BodyHandlers.ofString()).body();
            List<Map<String, Object>> mails = JsonPath.read(listing,
                    "$.messages[?(@.subject == '[Incident] API 5xx rate above 5%')]");
            assertThat(mails).as(listing).hasSize(1);
            assertThat((List<String>) mails.getFirst().get("to")).containsExactly("oncall@localhost");
            assertThat((String) mails.getFirst().get("body")).contains("API 5xx rate above 5%");
        });
    }

    private void awaitVisibleInEveryConsumer(LocalStackConfig config, String incidentId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(get(url(config, 1, "/api/v1/incidents/" + incidentId + "/timeline")).statusCode()).isEqualTo(200);
            assertThat(get(url(config, 2, "/api/v1/incidents/" + incidentId + "/postmortem")).statusCode()).isEqualTo(200);
            // SEV1: to the on-call address through the mail catcher, and to the log.
            assertThat(deliveriesOf(config, incidentId)).hasSize(2);
        });
    }

    private List<Object> deliveriesOf(LocalStackConfig config, String incidentId) throws Exception {
        return JsonPath.read(get(url(config, 3, "/api/v1/deliveries?incidentId=" + incidentId)).body(), "$.deliveries");
    }

    private Map<String, String> freePorts() throws IOException {
        return StackRequests.freePorts(dataDir);
    }

    private URI url(LocalStackConfig config, int service, String path) {
        return new StackRequests(config).url(service, path);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return requests.get(uri);
    }

    private HttpResponse<String> post(URI uri, String json) throws Exception {
        return requests.post(uri, json);
    }
}
