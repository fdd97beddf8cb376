package org.incidentplatform.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends alerts on a fixed schedule (open loop), whatever the peer's answers take, so a slow
 * peer shows as latency rather than as a lower offered rate. Alert n is due at start + n/rate.
 * In-flight requests are capped so a stalled peer cannot exhaust the driver; an alert that
 * waits for a slot is sent late and its latency counts from its due time.
 */
public final class FixedRateLoad {

    private static final int MAX_IN_FLIGHT = 4096;

    private final AlertSender peer;
    private final AlertIds ids;
    private final HttpClient client;

    public FixedRateLoad(AlertSender peer, AlertIds ids) {
        this.peer = peer;
        this.ids = ids;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends {@code count} alerts at {@code perSecond}, then waits (bounded) for their answers. */
    public void run(SendLog log, int perSecond, int count) throws InterruptedException {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long period = 1_000_000_000L / perSecond;
        Refusals refusals = new Refusals(peer);
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long due = start + n * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            int alert = n;
            log.sent(alert, due);
            client.sendAsync(peer.alert(ids.id(alert)), refusals.bodies())
                    .whenComplete((response, error) -> {
                        int result = error != null ? SendLog.FAILED : refusals.outcomeOf(response);
                        log.answered(alert, System.nanoTime(), result);
                        inFlight.release();
                    });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            System.err.println("Some requests were still unanswered 60 s after the last send");
        }
    }
}
