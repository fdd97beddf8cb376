package org.incidentplatform.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of connections, each sending its next alert as soon as the previous one is
 * answered: the most a peer accepts, as `wrk` measures it. Each worker has its own client, so
 * each keeps exactly one HTTP/1.1 connection.
 */
public final class ClosedLoopLoad {

    private final AlertSender peer;
    private final AlertIds ids;
    private final int connections;

    public ClosedLoopLoad(AlertSender peer, AlertIds ids, int connections) {
        this.peer = peer;
        this.ids = ids;
        this.connections = connections;
    }

    /** Sends until {@code duration} has passed or {@code log} is full; returns how many were sent. */
    public int run(SendLog log, Duration duration) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Refusals refusals = new Refusals(peer);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            workers.add(Thread.ofPlatform().name("load-" + w).start(() -> {
                try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build()) {
                    int n;
                    while (System.nanoTime() < deadline && (n = next.getAndIncrement()) < log.capacity()) {
                        long start = System.nanoTime();
                        log.sent(n, start);
                        int result;
                        try {
                            result = refusals.outcomeOf(client.send(peer.alert(ids.id(n)), refusals.bodies()));
                        } catch (java.io.IOException e) {
                            result = SendLog.FAILED;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        log.answered(n, System.nanoTime(), result);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return Math.min(next.get(), log.capacity());
    }
}
