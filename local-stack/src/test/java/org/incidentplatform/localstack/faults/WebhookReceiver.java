package org.incidentplatform.localstack.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbound webhook's far end: answers every call with 200 at once and records when each call
 * came, per {@code X-Incident-Delivery} id (one id per event and target, the same on every retry).
 * More than one call is a notification a receiver that ignores the id would have shown twice.
 */
final class WebhookReceiver implements AutoCloseable {

    private final Map<String, List<Instant>> callsByDelivery = new ConcurrentHashMap<>();
    private final AtomicInteger callsWithoutId = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final HttpServer server;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String delivery = exchange.getRequestHeaders().getFirst("X-Incident-Delivery");
                if (delivery == null) {
                    callsWithoutId.incrementAndGet();
                } else {
                    callsByDelivery.computeIfAbsent(delivery, id -> new CopyOnWriteArrayList<>()).add(Instant.now());
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(workers);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** When the calls with this delivery id came, in order: one is right, none lost, more sent again. */
    List<Instant> callsFor(String deliveryId) {
        return callsByDelivery.getOrDefault(deliveryId, List.of());
    }

    int callsWithoutId() {
        return callsWithoutId.get();
    }

    int distinctDeliveries() {
        return callsByDelivery.size();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
