package org.incidentplatform.bench.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The local Slack-like receiver both systems notify: answers 200 at once and notes, per alert,
 * when its first notification arrived and how many notifications named it. Several alerts in one
 * body (a grouped notification) each count.
 */
public final class NotificationReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AlertIds ids;
    private final AtomicLongArray firstAt;
    private final AtomicIntegerArray notifications;
    private final AtomicIntegerArray openings;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();

    public NotificationReceiver(AlertIds ids, int capacity) throws IOException {
        this.ids = ids;
        this.firstAt = new AtomicLongArray(capacity);
        this.notifications = new AtomicIntegerArray(capacity);
        this.openings = new AtomicIntegerArray(capacity);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            record(body, now);
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        server.start();
    }

    private void record(String body, long now) {
        requests.incrementAndGet();
        lastAt.accumulateAndGet(now, Math::max);
        BitSet named = ids.numbersIn(body);
        for (int n = named.nextSetBit(0); n >= 0 && n < firstAt.length(); n = named.nextSetBit(n + 1)) {
            firstAt.compareAndSet(n, 0, now);
            notifications.incrementAndGet(n);
        }
        BitSet opened = ids.openingsIn(body);
        for (int n = opened.nextSetBit(0); n >= 0 && n < openings.length(); n = opened.nextSetBit(n + 1)) {
            openings.incrementAndGet(n);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** When alert n was first notified (System.nanoTime), 0 if never. */
    public long firstNotifiedAt(int n) {
        return firstAt.get(n);
    }

    /** Messages that named alert n. */
    public int notificationsOf(int n) {
        return notifications.get(n);
    }

    /**
     * How many times alert n was announced: messages announcing its incident's opening where
     * the sender writes such a line (ours), otherwise every message naming it (Alertmanager's).
     */
    public int announcementsOf(int n) {
        int opened = openings.get(n);
        return opened > 0 ? opened : notifications.get(n);
    }

    public long requests() {
        return requests.get();
    }

    public long lastNotificationAt() {
        return lastAt.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
