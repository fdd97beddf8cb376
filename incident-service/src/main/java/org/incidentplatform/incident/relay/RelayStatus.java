package org.incidentplatform.incident.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.incidentplatform.incident.relay.RelayCursors.Cursor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * What the relay saw in its last read of the pending cursors, for the health contributor {@code eventRelay} and the
 * gauges {@code incident.relay.lag}, {@code incident.relay.pending} and
 * {@code incident.relay.not.stored}. Gauges are NaN on an instance that does not hold the lease:
 * the holder reports them, and a made-up zero would hide its lag.
 */
class RelayStatus implements HealthIndicator {

    private static final int FAILURES_SHOWN = 5;

    private final Counter relayedEvents;
    private final Counter failures;
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    private volatile boolean leader;
    private volatile String owner = "";
    private volatile Instant lastReadAt;
    private volatile String passError;
    private volatile double lagSeconds = Double.NaN;
    private volatile double pending = Double.NaN;
    private volatile double notStored = Double.NaN;
    private volatile int retrying;

    RelayStatus(MeterRegistry meters) {
        relayedEvents = Counter.builder("incident.relay.events")
                .description("Events handed to every sink by the event relay").register(meters);
        failures = Counter.builder("incident.relay.failures")
                .description("Aggregates whose relay failed in a pass (retried with back-off)").register(meters);
        Gauge.builder("incident.relay.lag", () -> lagSeconds).baseUnit("seconds")
                .description("How long the longest-pending stored events have waited for the relay (publishing lag)")
                .register(meters);
        Gauge.builder("incident.relay.pending", () -> pending).baseUnit("aggregates")
                .description("Aggregates with events to relay, as seen by the last read of the cursors (at most one batch)")
                .register(meters);
        Gauge.builder("incident.relay.not.stored", () -> notStored).baseUnit("aggregates")
                .description("Aggregates whose announced events were not in the store (a write in flight or failed)")
                .register(meters);
    }

    void standingBy(String owner) {
        this.owner = owner;
        leader = false;
        lagSeconds = Double.NaN;
        pending = Double.NaN;
        notStored = Double.NaN;
        failing.clear();
    }

    /** After each read of the pending cursors: the lag is that of the longest pending among them. */
    void read(String owner, Instant readAt, List<Cursor> read, List<Cursor> notStoredYet, int retrying) {
        this.owner = owner;
        leader = true;
        lastReadAt = Instant.now();
        passError = null;
        Set<String> unsettled = notStoredYet.stream().map(Cursor::aggregateId).collect(Collectors.toSet());
        lagSeconds = read.stream()
                .filter(cursor -> !unsettled.contains(cursor.aggregateId()))
                .map(Cursor::pendingSince)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .map(oldest -> Math.max(0, Duration.between(oldest, readAt).toMillis() / 1000.0))
                .orElse(0.0);
        pending = read.size();
        notStored = notStoredYet.size();
        this.retrying = retrying;
    }

    void passFailed(RuntimeException e) {
        passError = String.valueOf(e.getMessage());
    }

    void relayedEvents(int count) {
        relayedEvents.increment(count);
    }

    void relayed(String aggregateId) {
        failing.remove(aggregateId);
    }

    void sinkFailed(String aggregateId, RuntimeException e) {
        failures.increment();
        if (failing.size() < 1_000) {
            failing.put(aggregateId, e.toString());
        }
    }

    /** DOWN when this instance relays and its last pass failed or an aggregate is failing. */
    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("role", leader ? "relaying" : "standby");
        details.put("instance", owner);
        if (!leader) {
            return Health.up().withDetails(details).build();
        }
        details.put("lastReadAt", String.valueOf(lastReadAt));
        details.put("lagSeconds", lagSeconds);
        details.put("pending", (int) pending);
        details.put("notStoredYet", (int) notStored);
        details.put("retrying", retrying);
        Map<String, String> shown = new LinkedHashMap<>();
        failing.entrySet().stream().limit(FAILURES_SHOWN).forEach(e -> shown.put(e.getKey(), e.getValue()));
        details.put("failing", shown);
        if (passError != null) {
            details.put("error", passError);
        }
        boolean healthy = passError == null && failing.isEmpty();
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
