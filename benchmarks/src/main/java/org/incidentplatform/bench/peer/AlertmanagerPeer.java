package org.incidentplatform.bench.peer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus Alertmanager from Debian's package, configured to notify per alert at once
 * ({@code group_by: ['...']}, {@code group_wait: 0s}, {@code group_interval: 1s}), the way a team
 * pages with it. Alerts go in through its own API, one per POST.
 */
public final class AlertmanagerPeer implements Peer {

    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final Process process;
    private final URI alerts;

    private AlertmanagerPeer(Process process, int port) {
        this.process = process;
        this.alerts = URI.create("http://127.0.0.1:" + port + "/api/v2/alerts");
    }

    public static AlertmanagerPeer start(String receiverUrl, Path workDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Alertmanager is missing: apt-get install prometheus-alertmanager");
        }
        Files.createDirectories(workDir);
        Path config = workDir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: bench
                  group_by: ['...']
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 24h
                  routes:
                    - matchers: ['storm="true"']
                      group_by: ['group']
                      group_wait: 0s
                      group_interval: 1s
                receivers:
                  - name: bench
                    webhook_configs:
                      - url: %s
                        send_resolved: false
                """.formatted(receiverUrl));
        int port = LocalPorts.free();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("alertmanager.log").toFile())
                .start();
        AlertmanagerPeer peer = new AlertmanagerPeer(process, port);
        try {
            LocalPorts.awaitOk("http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30), process::isAlive,
                    "Alertmanager (see " + workDir.resolve("alertmanager.log") + ")");
        } catch (RuntimeException | InterruptedException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public HttpRequest alert(String alertId) {
        String body = """
                [{"labels":{"alertname":"BenchAlert","instance":"%s","severity":"critical"},\
                "annotations":{"summary":"%s is failing"},"startsAt":"%s"}]""".formatted(alertId, alertId, Instant.now());
        return HttpRequest.newBuilder(alerts).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Override
    public HttpRequest group(String groupId, List<String> alertNames) {
        String startsAt = Instant.now().toString();
        StringBuilder body = new StringBuilder("[");
        for (String alert : alertNames) {
            body.append(body.length() > 1 ? "," : "").append("""
                    {"labels":{"alertname":"HostDown","storm":"true","group":"%s","instance":"%s","severity":"critical"},                    "annotations":{"summary":"%s: %s is down"},"startsAt":"%s"}""".formatted(groupId, alert, groupId,
                    alert, startsAt));
        }
        return HttpRequest.newBuilder(alerts).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]").toString())).build();
    }

    @Override
    public boolean accepted(int status) {
        return status == 200;
    }

    @Override
    public Map<String, ProcessHandle> processes() {
        return Map.of("alertmanager", process.toHandle());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
