package org.incidentplatform.localstack.faults;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of Events API v2 triggers, round-robin over the intake instances, each with a
 * new dedup key (so each should open its own incident), and a resolve of every other alert a few
 * seconds after its trigger was accepted (so incidents also change status under faults). Sending
 * is asynchronous and never waits for an answer, so a fault slows nothing down; every answer (or
 * its absence) is recorded against the phase in which the request was sent.
 */
final class AlertLoad implements AutoCloseable {

    /** What happened to one request. status 0: no HTTP answer (refused, reset, timed out). */
    record Sent(String dedupKey, String phase, boolean trigger, int status, boolean retryAfter, String error) {

        boolean accepted() {
            return status == 202;
        }
    }

    private static final long RESOLVE_AFTER_MS = 3_000;

    private final Api api;
    private final List<String> intakeUrls;
    private final String routingKey;
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
    private volatile String phase = "start";

    AlertLoad(Api api, List<String> intakeUrls, String routingKey) {
        this.api = api;
        this.intakeUrls = intakeUrls;
        this.routingKey = routingKey;
    }

    AlertLoad start(int alertsPerSecond) {
        clock.scheduleAtFixedRate(this::trigger, 0, 1_000_000 / alertsPerSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    void phase(String name) {
        phase = name;
        System.out.printf("%s phase '%s' begins after %d alerts%n", java.time.Instant.now(), name, sequence.get());
    }

    private void trigger() {
        long n = sequence.getAndIncrement();
        String key = "fault-" + n;
        String phaseAtSend = phase;
        send(n, key, "trigger", phaseAtSend).thenAccept(accepted -> {
            if (accepted && n % 2 == 0) {
                clock.schedule(() -> send(n + 1, key, "resolve", phase), RESOLVE_AFTER_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private java.util.concurrent.CompletableFuture<Boolean> send(long n, String key, String action, String phaseAtSend) {
        String url = intakeUrls.get((int) (n % intakeUrls.size())) + "/v2/enqueue";
        String body = """
                {"routing_key":"%s","event_action":"%s","dedup_key":"%s",\
                "payload":{"summary":"Fault suite alert %s","source":"fault-suite","severity":"critical"}}"""
                .formatted(routingKey, action, key, key);
        boolean trigger = action.equals("trigger");
        inFlight.incrementAndGet();
        return api.postAsync(url, body).handle((HttpResponse<String> response, Throwable error) -> {
            inFlight.decrementAndGet();
            Sent result = response != null
                    ? new Sent(key, phaseAtSend, trigger, response.statusCode(),
                            response.headers().firstValue("Retry-After").isPresent(),
                            response.statusCode() >= 300 ? response.body() : null)
                    : new Sent(key, phaseAtSend, trigger, 0, false, String.valueOf(error));
            sent.add(result);
            return result.accepted();
        });
    }

    /** Stops sending; answers still on their way are awaited (bounded) so every request is accounted for. */
    @Override
    public void close() throws InterruptedException {
        clock.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    List<Sent> results() {
        return List.copyOf(sent);
    }
}
