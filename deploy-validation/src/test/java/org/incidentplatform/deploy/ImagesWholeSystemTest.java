package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The four images as built by {@code deploy-validation/images/build-images.sh}, run against real
 * MongoDB and Kafka images on one Docker network: an incident opened on incident-service reaches
 * the three consumers. Skipped where no Docker engine runs (as on the development machines), and
 * where Docker runs but the image tarballs have not been built.
 */
@Testcontainers(disabledWithoutDocker = true)
class ImagesWholeSystemTest {

    private static final String API_KEY = "images-test-admin-key-0123456789";
    private static final List<String> SERVICES = List.of("incident-service", "timeline-service", "report-service",
            "notification-service");
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void loadImages() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String service : SERVICES) {
            Path tarball = root.resolve(service).resolve("target").resolve("jib-image.tar");
            Assumptions.assumeTrue(Files.exists(tarball), "Build the images first: deploy-validation/images/build-images.sh");
            try (InputStream in = Files.newInputStream(tarball)) {
                DockerClientFactory.instance().client().loadImageCmd(in).exec();
            }
        }
    }

    @Test
    void anIncidentOpenedOnTheImagesReachesEveryConsumer() throws Exception {
        try (Network network = Network.newNetwork();
             MongoDBContainer mongo = new MongoDBContainer("mongo:8.0").withNetwork(network).withNetworkAliases("mongo");
             KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0").withNetwork(network)
                     .withListener("kafka:19092")) {
            mongo.start();
            kafka.start();
            GenericContainer<?>[] services = new GenericContainer<?>[SERVICES.size()];
            for (int i = 0; i < SERVICES.size(); i++) {
                String name = SERVICES.get(i);
                int port = 8081 + i;
                services[i] = new GenericContainer<>("incident-platform/" + name + ":latest")
                        .withNetwork(network)
                        .withExposedPorts(port)
                        .withEnv("SERVER_PORT", String.valueOf(port))
                        .withEnv("MONGODB_URI", "mongodb://mongo:27017/" + name.replace("-service", "") + "?replicaSet=docker-rs")
                        .withEnv("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092")
                        .withEnv("INCIDENTS_API_KEY", API_KEY)
                        .waitingFor(Wait.forHttp("/actuator/health/readiness").forPort(port)
                                .withStartupTimeout(Duration.ofMinutes(3)));
                services[i].start();
            }
            try {
                String created = send("POST", url(services[0], 8081, "/api/v1/incidents"),
                        "{\"title\":\"Images smoke test\",\"severity\":\"SEV2\"}").body();
                Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
                assertThat(id.find()).as(created).isTrue();
                String incidentId = id.group(1);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(send("GET", url(services[1], 8082, "/api/v1/incidents/" + incidentId + "/timeline"), null).statusCode()).isEqualTo(200);
                    assertThat(send("GET", url(services[2], 8083, "/api/v1/incidents/" + incidentId + "/postmortem"), null).statusCode()).isEqualTo(200);
                    assertThat(send("GET", url(services[3], 8084, "/api/v1/deliveries?incidentId=" + incidentId), null).body()).contains(incidentId);
                });
            } finally {
                for (GenericContainer<?> service : services) {
                    if (service != null) {
                        service.stop();
                    }
                }
            }
        }
    }

    private static URI url(GenericContainer<?> container, int port, String path) {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port) + path);
    }

    private HttpResponse<String> send(String method, URI uri, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + API_KEY);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
