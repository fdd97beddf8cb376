package org.incidentplatform.bench.peer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our platform exactly as the README's run command starts it (the local-stack launcher: an
 * in-process KRaft broker and file-backed MongoDB server in the launcher JVM, the four services as
 * child JVMs), on free ports with a fresh data directory. Notifications go to the receiver through
 * the Slack incoming-webhook channel with its per-target pacing off, so every incident is one
 * message as with Alertmanager. Alerts go in through the Events API v2, one per POST.
 */
public final class PlatformPeer implements Peer {

    private static final List<String> SERVICES = List.of("incident-service", "timeline-service", "report-service",
            "notification-service");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private final Process launcher;
    private final Map<String, Integer> ports;
    private final int kafkaPort;
    private final String apiKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private URI enqueue;
    private URI alertmanagerWebhook;
    private String integrationKey;

    private PlatformPeer(Process launcher, Map<String, Integer> ports, int kafkaPort, String apiKey) {
        this.launcher = launcher;
        this.ports = ports;
        this.kafkaPort = kafkaPort;
        this.apiKey = apiKey;
    }

    /**
     * @param serviceJavaOptions JVM options of each service (SERVICE_JAVA_OPTS), null for the launcher's default
     * @param extraEnvironment   further settings for every service, e.g. a tuning being measured
     */
    public static PlatformPeer start(Path projectRoot, String receiverUrl, Path workDir, String serviceJavaOptions,
            Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        Path launcherJar = projectRoot.resolve("local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException("Missing " + launcherJar + ": run ./mvnw -DskipTests package first");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(service -> ports.put(service, LocalPorts.free()));
        int kafkaPort = LocalPorts.free();
        String apiKey = "bench-" + UUID.randomUUID();
        // The launcher's options as ./run.sh gives them, then a bounded heap, then any options a
        // measurement adds (BENCH_LAUNCHER_JAVA_OPTS, e.g. a flight recording or another collector).
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "@" + projectRoot.resolve("local-stack/launcher.jvm-options"), "-Xmx1g"));
        String extra = System.getenv().getOrDefault("BENCH_LAUNCHER_JAVA_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", launcherJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("launcher.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("DATA_DIR", workDir.resolve("data").toString());
        env.put("PROJECT_ROOT", projectRoot.toString());
        env.put("KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("MONGODB_PORT", String.valueOf(LocalPorts.free()));
        // Not the mail catcher's 1025/8025 either: a ./run.sh stack may be running beside the harness.
        env.put("SMTP_CATCHER_PORT", String.valueOf(LocalPorts.free()));
        env.put("MAIL_CATCHER_PORT", String.valueOf(LocalPorts.free()));
        ports.forEach((service, port) -> env.put(service.toUpperCase().replace('-', '_') + "_PORT", String.valueOf(port)));
        env.put("INCIDENTS_API_KEY", apiKey);
        env.put("SLACK_WEBHOOK_URL", receiverUrl);
        // Alertmanager sends each group as soon as it is due; pacing to Slack's 1 message/s would
        // measure the pacing, not the platform.
        env.put("NOTIFICATIONS_SLACKWEBHOOK_MININTERVAL", "0s");
        // One receiver, as the Alertmanager peer has: without these, ./run.sh's defaults would
        // also mail every alert to the launcher's mail catcher and write it to the log channel,
        // three deliveries where Alertmanager makes one.
        env.put("ONCALL_EMAIL", "");
        env.put("NOTIFICATIONS_LOG_ENABLED", "false");
        // The per-integration budget keeps one runaway sender from taking every other sender's
        // intake; the scenarios have one sender, and Alertmanager has no such budget to compare.
        env.put("INTAKE_BUDGET_PER_SECOND", "100000");
        if (serviceJavaOptions != null) {
            env.put("SERVICE_JAVA_OPTS", serviceJavaOptions);
        }
        env.putAll(extraEnvironment);
        Files.createDirectories(workDir);
        PlatformPeer peer = new PlatformPeer(builder.start(), ports, kafkaPort, apiKey);
        try {
            for (var service : ports.entrySet()) {
                LocalPorts.awaitOk("http://127.0.0.1:" + service.getValue() + "/actuator/health/readiness",
                        Duration.ofSeconds(240), peer.launcher::isAlive,
                        service.getKey() + " (see " + workDir.resolve("data/logs") + ")");
            }
            peer.createIntegration();
        } catch (RuntimeException | IOException e) {
            peer.close();
            throw new IllegalStateException("The platform did not start: " + e + "\n" + tail(workDir), e);
        } catch (InterruptedException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /** The end of the launcher's log, which says which service stopped and why. */
    private static String tail(Path workDir) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("launcher.log"));
            return "launcher.log ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no launcher.log: " + e + ")";
        }
    }

    private void createIntegration() throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(admin("incident-service", "/api/v1/integrations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"type\":\"EVENTS_V2\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher key = KEY.matcher(created.body());
        if (created.statusCode() != 201 || !key.find()) {
            throw new IllegalStateException("Could not create the integration: " + created.statusCode() + " " + created.body());
        }
        integrationKey = key.group(1);
        enqueue = URI.create(baseUrl("incident-service") + "/v2/enqueue");
        HttpResponse<String> grouped = http.send(admin("incident-service", "/api/v1/integrations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-storm\",\"type\":\"ALERTMANAGER\","
                        + "\"settings\":{\"grouping\":\"PER_GROUP\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher groupedKey = KEY.matcher(grouped.body());
        if (grouped.statusCode() != 201 || !groupedKey.find()) {
            throw new IllegalStateException("Could not create the storm integration: " + grouped.body());
        }
        alertmanagerWebhook = URI.create(baseUrl("incident-service") + "/api/v1/integrations/" + groupedKey.group(1)
                + "/alertmanager");
    }

    /** As Alertmanager delivers a group to its webhook receiver (version 4 payload). */
    @Override
    public HttpRequest group(String groupId, List<String> alertNames) {
        String startsAt = java.time.Instant.now().toString();
        StringBuilder alerts = new StringBuilder();
        for (String alert : alertNames) {
            alerts.append(alerts.isEmpty() ? "" : ",").append("""
                    {"status":"firing","labels":{"alertname":"HostDown","group":"%s","instance":"%s","severity":"critical"},                    "annotations":{"summary":"%s: %s is down"},"startsAt":"%s","endsAt":"0001-01-01T00:00:00Z",                    "generatorURL":"http://prometheus:9090/graph","fingerprint":"%s"}""".formatted(groupId, alert, groupId,
                    alert, startsAt, alert));
        }
        String body = """
                {"version":"4","groupKey":"{}/{storm=\\"true\\"}:{group=\\"%s\\"}","truncatedAlerts":0,"status":"firing",                "receiver":"bench","groupLabels":{"group":"%s"},"commonLabels":{"alertname":"HostDown","group":"%s"},                "commonAnnotations":{},"externalURL":"http://alertmanager:9093","alerts":[%s]}"""
                .formatted(groupId, groupId, groupId, alerts);
        return HttpRequest.newBuilder(alertmanagerWebhook).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** MongoDB commands the four services have sent so far (their drivers' command counters). */
    public long mongoCommands() throws IOException, InterruptedException {
        return sumOfMetrics("mongodb_driver_commands_seconds_count");
    }

    /**
     * Requests the services' Kafka clients sent to the broker (produce, fetch, offset commit,
     * heartbeat, metadata), from the clients' own {@code request-total} metrics. Admin clients
     * (topic creation, health) are not counted.
     */
    public long kafkaRequests() throws IOException, InterruptedException {
        return sumOfMetrics("kafka_producer_request_total", "kafka_consumer_request_total");
    }

    private long sumOfMetrics(String... names) throws IOException, InterruptedException {
        long total = 0;
        StringBuilder lines = new StringBuilder("# read at " + java.time.Instant.now() + "\n");
        for (String service : SERVICES) {
            String metrics = metricsOf(service);
            for (String name : names) {
                for (String line : series(metrics, name)) {
                    total += (long) valueOf(line);
                    lines.append(service).append(' ').append(line).append('\n');
                }
            }
        }
        dumpForDiagnosis(lines);
        return total;
    }

    /**
     * Each stage's backlog now, as one line: the event relay's lag and pending aggregates
     * (incident-service) and the largest consumer lag of each consuming service. Where a steady
     * load's latency piles up, this says which stage it waits in.
     */
    public String stageBacklogs() throws IOException, InterruptedException {
        String incident = metricsOf("incident-service");
        StringBuilder line = new StringBuilder()
                .append("relay_lag_s=").append(largest(incident, "incident_relay_lag_seconds"))
                .append(" relay_pending=").append(largest(incident, "incident_relay_pending_aggregates"));
        for (String service : SERVICES) {
            if (!service.equals("incident-service")) {
                line.append(' ').append(service).append("_consumer_lag=")
                        .append(largest(metricsOf(service), "kafka_consumer_fetch_manager_records_lag_max"));
            }
        }
        return line.toString();
    }

    private String metricsOf(String service) throws IOException, InterruptedException {
        return http.send(admin(service, "/actuator/prometheus").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The lines of one metric's series in a Prometheus text exposition. */
    private static List<String> series(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " ")).toList();
    }

    private static double valueOf(String seriesLine) {
        return Double.parseDouble(seriesLine.substring(seriesLine.lastIndexOf(' ') + 1));
    }

    /** The largest value of a metric over its series; NaN where it has none (yet). */
    private static double largest(String metrics, String name) {
        return series(metrics, name).stream().mapToDouble(PlatformPeer::valueOf).max().orElse(Double.NaN);
    }

    /**
     * With {@code BENCH_METRICS_DUMP=<file>} every read of the counters is appended to that file,
     * by service, collection and command: the difference between two reads shows where a scenario's
     * MongoDB commands went.
     */
    private static void dumpForDiagnosis(CharSequence lines) throws IOException {
        String file = System.getenv("BENCH_METRICS_DUMP");
        if (file != null && !file.isBlank()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), lines, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    @Override
    public String name() {
        return "platform";
    }

    @Override
    public HttpRequest alert(String alertId) {
        String body = """
                {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",\
                "payload":{"summary":"%s is failing","source":"bench","severity":"critical"}}"""
                .formatted(integrationKey, alertId, alertId);
        return HttpRequest.newBuilder(enqueue).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Override
    public boolean accepted(int status) {
        return status == 202;
    }

    public String baseUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** A request to a service with the admin key. */
    public HttpRequest.Builder admin(String service, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl(service) + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey);
    }

    @Override
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        launcher.toHandle().children().forEach(child -> SERVICES.stream()
                .filter(service -> child.info().commandLine().orElse("").contains(service + ".jar"))
                .findFirst().ifPresent(service -> processes.put(service, child)));
        processes.put("kafka+mongodb (launcher)", launcher.toHandle());
        return processes;
    }

    @Override
    public void close() {
        launcher.destroy(); // SIGTERM: the launcher stops the services, then the broker and MongoDB.
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            launcher.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
