package org.incidentplatform.localstack.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbound webhook's far end: answers every call with 200 at once and counts calls per
 * {@code X-Incident-Delivery} id (one id per event and target, the same on every retry). A count
 * above one is a notification a person would have received twice.
 */
final class WebhookReceiver implements AutoCloseable {

    private final Map<String, AtomicInteger> callsByDelivery = new ConcurrentHashMap<>();
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
                    callsByDelivery.computeIfAbsent(delivery, id -> new AtomicInteger()).incrementAndGet();
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

    /** How many calls carried this delivery id: 1 is right, 0 lost, more duplicated. */
    int callsFor(String deliveryId) {
        AtomicInteger calls = callsByDelivery.get(deliveryId);
        return calls == null ? 0 : calls.get();
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
