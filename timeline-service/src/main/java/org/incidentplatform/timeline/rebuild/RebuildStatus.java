package org.incidentplatform.timeline.rebuild;

import java.time.Instant;
import java.util.Map;

/**
 * Where the last (or current) projection rebuild stands.
 *
 * @param state          IDLE (none since start-up), RUNNING, DONE or FAILED
 * @param startedAt      when it began
 * @param finishedAt     when it ended; null while running
 * @param targetOffsets  per topic-partition, the end offset captured at the start: the rebuild is
 *                       done when the consumer group has committed up to these
 * @param entriesRemoved how many entries the wipe removed
 * @param entries        entries in the projection when it finished (live ones included)
 * @param detail         a sentence for the operator
 */
record RebuildStatus(
        State state,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Long> targetOffsets,
        Long entriesRemoved,
        Long entries,
        String detail) {

    enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    static RebuildStatus idle() {
        return new RebuildStatus(State.IDLE, null, null, Map.of(), null, null, "No rebuild since this instance started");
    }

    RebuildStatus running(Map<String, Long> targets, Long removed, String now) {
        return new RebuildStatus(State.RUNNING, startedAt, null, targets, removed, null, now);
    }

    RebuildStatus done(Instant at, long total) {
        return new RebuildStatus(State.DONE, startedAt, at, targetOffsets, entriesRemoved, total,
                "Rebuilt from the start of both topics");
    }

    RebuildStatus failed(Instant at, String why) {
        return new RebuildStatus(State.FAILED, startedAt, at, targetOffsets, entriesRemoved, null, why);
    }
}
