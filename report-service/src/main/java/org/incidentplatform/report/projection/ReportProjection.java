package org.incidentplatform.report.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.IncidentEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies incident events to the {@code incident_reports} collection, each at most once.
 *
 * <p>Per incident, events arrive in sequence order (the topic is keyed by incident id), so an
 * event at or below the document's {@code lastAppliedSequence} is a duplicate and is skipped. A
 * new event is folded into the document read, and written back with a replace that matches
 * only while {@code lastAppliedSequence} is still what was read: two writers (a rebalance
 * overlap, a rebuild) cannot interleave; the loser reads again and finds the event applied.
 * A sequence beyond {@code last + 1} means events never arrived; it is applied anyway (blocking
 * the partition forever would stop every other incident) and the gap is recorded and counted.
 */
@Component
public class ReportProjection {

    private static final Logger log = LoggerFactory.getLogger(ReportProjection.class);
    private static final int MAX_ATTEMPTS = 10;

    private final MongoOperations mongo;
    private final EventLog eventLog;
    private final ReportEvents events;
    private final Counter duplicates;
    private final Counter gaps;
    private final AtomicLong version = new AtomicLong();

    ReportProjection(MongoOperations mongo, EventLog eventLog, ReportEvents events, MeterRegistry meters) {
        this.mongo = mongo;
        this.eventLog = eventLog;
        this.events = events;
        this.duplicates = Counter.builder("report.projection.duplicates")
                .description("Incident events skipped because their sequence was applied already").register(meters);
        this.gaps = Counter.builder("report.projection.gaps")
                .description("Incident events applied after a gap in their incident's sequence").register(meters);
    }

    /** Applies an event whose type this service knows. */
    public void on(ReceivedEvent event) {
        IncidentEvent payload = event.payload().orElseThrow();
        LoggedEvent logged = new LoggedEvent(event.eventId(), event.type(), event.incidentSequence(),
                payload.occurredAt(), event.recordedAt(), event.actor(), eventLog.write(payload));
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (tryApply(event.incidentId(), logged, payload)) {
                version.incrementAndGet();
                return;
            }
        }
        // Contention, not a fault of the event: a transient failure, which the error handler retries without limit.
        throw new OptimisticLockingFailureException("Report of incident " + event.incidentId()
                + " kept changing under event " + event.eventId() + "; the error handler will retry");
    }

    /** Grows whenever this instance applies an event: readers that cache what they computed compare it. */
    public long version() {
        return version.get();
    }

    public Optional<IncidentReport> reportOf(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentReport.class));
    }

    /** Reports of incidents that began in [from, to), for metrics. */
    public List<IncidentReport> startedBetween(Instant from, Instant to) {
        return mongo.find(query(where("startedAt").gte(from).lt(to)), IncidentReport.class);
    }

    /** Every report without its alert summary and post-mortem sections: what the status page needs. */
    public List<IncidentReport> allForStatusPage() {
        Query all = new Query();
        all.fields().exclude("alerts").exclude("sections").exclude("actionItems");
        return mongo.find(all, IncidentReport.class);
    }

    /** True when the event is applied now or was before; false when another writer got in between. */
    private boolean tryApply(String incidentId, LoggedEvent logged, IncidentEvent payload) {
        IncidentReport current = mongo.findById(incidentId, IncidentReport.class);
        long last = current == null ? -1 : current.lastAppliedSequence;
        if (logged.sequence() <= last) {
            duplicates.increment();
            log.debug("Incident {} is at sequence {}; event {} at {} was applied before",
                    incidentId, last, logged.eventId(), logged.sequence());
            return true;
        }
        if (logged.sequence() > last + 1) {
            gaps.increment();
            log.warn("Incident {} jumps from sequence {} to {}: events are missing from the topic",
                    incidentId, last, logged.sequence());
        }
        IncidentReport next = current == null ? IncidentReport.empty(incidentId) : current;
        ReportFold.apply(next, logged, payload);
        if (ReportFold.isLogged(payload)) {
            // Before the report moves past it: a crash in between leaves the event stored and the
            // report behind, and the redelivery rewrites the same event document and advances it.
            events.record(incidentId, logged);
        }
        if (current == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException anotherWriterWasFirst) {
                return false;
            }
        }
        return mongo.findAndReplace(query(where("_id").is(incidentId).and("lastAppliedSequence").is(last)), next) != null;
    }
}
