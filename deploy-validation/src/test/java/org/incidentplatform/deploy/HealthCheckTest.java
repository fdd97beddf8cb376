package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void startActuatorLookAlike() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/up", exchange -> respond(exchange, 200));
        server.createContext("/down", exchange -> respond(exchange, 503));
        server.createContext("/slow", exchange -> {
            await(released);
            respond(exchange, 200);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void healthyWhenTheUrlAnswers2xx() {
        assertThat(HealthCheck.probe(url("/up"), Duration.ofSeconds(2))).isZero();
    }

    @Test
    void unhealthyWhenTheServiceIsNotReady() {
        assertThat(HealthCheck.probe(url("/down"), Duration.ofSeconds(2))).isEqualTo(1);
    }

    @Test
    void unhealthyWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(HealthCheck.probe(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(2))).isEqualTo(1);
    }

    @Test
    void unhealthyWhenTheAnswerTakesLongerThanTheTimeout() {
        assertThat(HealthCheck.probe(url("/slow"), Duration.ofMillis(300))).isEqualTo(1);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
