package org.incidentplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus Alertmanager (Debian's prometheus-alertmanager, installed by .ci/run) sends
 * to the stack exactly as a team's would after pointing its webhook receiver at us: an alert
 * pushed into Alertmanager opens an incident, and resolving it there auto-resolves the incident.
 */
class RealAlertmanagerIT {

    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @TempDir
    Path alertmanagerDir;

    private String apiKey;

    @Test
    void anAlertFromAlertmanagerOpensAnIncidentAndItsResolutionResolvesIt() throws Exception {
        assertThat(ALERTMANAGER).as("Alertmanager is installed by .ci/run (apt-get install prometheus-alertmanager)")
                .isExecutable();
        LocalStackConfig config = LocalStackConfig.fromEnvironment(freePorts());
        apiKey = config.apiKey();
        String incidents = config.services().getFirst().baseUrl();

        try (LocalStack stack = new LocalStack(config).start()) {
            HttpResponse<String> integration = send("POST", URI.create(incidents + "/api/v1/integrations"),
                    "{\"name\":\"real-alertmanager\",\"type\":\"ALERTMANAGER\",\"settings\":{\"serviceLabels\":[\"service\"]}}", true);
            assertThat(integration.statusCode()).isEqualTo(201);
            String key = JsonPath.read(integration.body(), "$.key");
            int alertmanagerPort = freePort();
            Process alertmanager = startAlertmanager(incidents + "/api/v1/integrations/" + key + "/alertmanager",
                    alertmanagerPort);
            try {
                URI alerts = URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts");
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> send("GET", URI.create("http://127.0.0.1:" + alertmanagerPort + "/-/ready"), null, false)
                                .statusCode() == 200);
                String service = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
                String alert = """
                        [{"labels": {"alertname": "CheckoutErrors", "service": "%s", "severity": "critical"},
                          "annotations": {"summary": "Checkout errors above 2%%"},
                          "generatorURL": "http://prometheus.example:9090/graph?g0.expr=checkout_errors"%s}]""";
                assertThat(send("POST", alerts, alert.formatted(service, ""), false).statusCode()).isEqualTo(200);

                String incidentId = await().atMost(Duration.ofSeconds(60)).until(() -> {
                    List<String> ids = JsonPath.read(send("GET", URI.create(incidents + "/api/v1/incidents?service=" + service),
                            null, true).body(), "$.items[*].id");
                    return ids.size() == 1 ? ids.getFirst() : null;
                }, id -> id != null);
                URI incident = URI.create(incidents + "/api/v1/incidents/" + incidentId);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    String body = send("GET", incident, null, true).body();
                    assertThat((String) JsonPath.read(body, "$.severity")).isEqualTo("SEV1");
                    assertThat((String) JsonPath.read(body, "$.alerts[0].labels.alertname")).isEqualTo("CheckoutErrors");
                    assertThat((String) JsonPath.read(body, "$.alerts[0].links[0].href")).startsWith("http://prometheus.example:9090");
                });

                String ended = ", \"endsAt\": \"" + Instant.now().minusSeconds(1) + "\"";
                assertThat(send("POST", alerts, alert.formatted(service, ended), false).statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat((String) JsonPath.read(send("GET", incident, null, true).body(), "$.status")).isEqualTo("RESOLVED"));
            } finally {
                alertmanager.destroy();
                alertmanager.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Notifies at once and per alert, and sends resolutions: the settings a team uses for paging. */
    private Process startAlertmanager(String webhookUrl, int port) throws IOException {
        Path config = alertmanagerDir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: incident-platform
                  group_by: ['alertname', 'service']
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: incident-platform
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                """.formatted(webhookUrl));
        return new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + config,
                "--storage.path=" + alertmanagerDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(alertmanagerDir.resolve("alertmanager.log").toFile())
                .start();
    }

    private HttpResponse<String> send(String method, URI uri, String json, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (authenticated) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> freePorts() throws IOException {
        return StackRequests.freePorts(dataDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
