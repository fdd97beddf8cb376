package org.incidentplatform.incident.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a failing sink from tying up the relay. After a failure the circuit is open for a back-off
 * (growing to {@code maxBackOff}); aggregates that need the sink are then left pending without
 * being tried. When the back-off is over, one aggregate at a time probes the sink until one gets
 * through. Without this, a broker outage (each send waits for its delivery timeout) would fill
 * every relay slot with incidents, and alert streams, which do not need Kafka, would wait behind them.
 */
final class SinkCircuit {

    private final Duration firstBackOff;
    private final Duration maxBackOff;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile int failures;
    private volatile Instant openUntil = Instant.MIN;

    SinkCircuit(Duration firstBackOff, Duration maxBackOff) {
        this.firstBackOff = firstBackOff;
        this.maxBackOff = maxBackOff;
    }

    /** What an aggregate that needs this sink may do now. */
    enum Admission { GO, PROBE, WAIT }

    /** {@link Admission#PROBE} makes the caller the single probe, which must end with {@link #probeEnded()}. */
    Admission admit(Instant now) {
        if (failures == 0) {
            return Admission.GO;
        }
        if (openUntil.isAfter(now) || !probing.compareAndSet(false, true)) {
            return Admission.WAIT;
        }
        return Admission.PROBE;
    }

    void probeEnded() {
        probing.set(false);
    }

    void succeeded() {
        failures = 0;
    }

    /** Several aggregates failing together (one outage) open it once; only a failure after that lengthens it. */
    void failed(Instant now) {
        if (openUntil.isAfter(now)) {
            return;
        }
        int count = Math.min(failures + 1, 16);
        failures = count;
        long millis = Math.min(maxBackOff.toMillis(), firstBackOff.toMillis() << (count - 1));
        openUntil = now.plusMillis(millis);
    }

    boolean failing() {
        return failures > 0;
    }
}
