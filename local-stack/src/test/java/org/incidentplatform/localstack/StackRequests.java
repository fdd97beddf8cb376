package org.incidentplatform.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the whole-system tests start a stack on free ports and call its services with the admin key. */
public final class StackRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalStackConfig config;

    public StackRequests(LocalStackConfig config) {
        this.config = config;
    }

    /**
     * The launcher's environment for a stack in {@code dataDir} with every port free and no two
     * alike: every socket stays open until all are chosen, since a closed one's port may be handed
     * out again at once.
     */
    public static Map<String, String> freePorts(Path dataDir) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", dataDir.toString());
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String name : List.of("KAFKA_PORT", "MONGODB_PORT", "INCIDENT_SERVICE_PORT", "TIMELINE_SERVICE_PORT",
                    "REPORT_SERVICE_PORT", "NOTIFICATION_SERVICE_PORT", "SMTP_CATCHER_PORT", "MAIL_CATCHER_PORT")) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                env.put(name, String.valueOf(socket.getLocalPort()));
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return env;
    }

    /**
     * Starts another instance of a service of the stack, on its own port, sharing the stack's
     * database and broker (as a second replica would); its log is {@code <name>-2.log}.
     */
    public ServiceProcess secondInstance(String name) throws Exception {
        ServiceSpec first = config.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServiceSpec second = new ServiceSpec(first.name(), port, first.database(), first.host());
        ServiceProcess process = ServiceProcess.start(second, name + "-2", config.jarOf(second), config.serviceJvmOptions(),
                ServiceEnvironment.of(config, second), config.dataDir().resolve("logs"), config.dataDir().resolve("run"));
        process.awaitReady(Duration.ofSeconds(120), () -> false);
        return process;
    }

    /** A path of one service, by its position in the launcher's list (0 incident, 1 timeline, 2 report, 3 notification). */
    public URI url(int service, String path) {
        return URI.create(config.services().get(service).baseUrl() + path);
    }

    public HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + config.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(URI uri, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + config.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
