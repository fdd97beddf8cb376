package org.incidentplatform.report.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.IncidentEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
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

    /**
     * {@link #on} for a poll's events, in record order, with a fixed number of commands whatever
     * the batch's size: one query for the reports, the events folded in memory, one bulk write of
     * the logged events and one of the reports. Each report is replaced only if it is still at the
     * sequence read, as {@link #on} does; if another writer got in between (or anything fails),
     * this throws and the listener applies the batch again one event at a time, which skips what
     * was applied here.
     */
    public void onAll(List<ReceivedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> incidentIds = new LinkedHashSet<>();
        batch.forEach(event -> incidentIds.add(event.incidentId()));
        Map<String, IncidentReport> reports = new LinkedHashMap<>();
        Map<String, Long> sequenceRead = new HashMap<>();
        mongo.find(query(where("_id").in(incidentIds)), IncidentReport.class).forEach(report -> {
            reports.put(report.incidentId(), report);
            sequenceRead.put(report.incidentId(), report.lastAppliedSequence);
        });
        Set<String> changed = new LinkedHashSet<>();
        List<ReportEvents.Stored> logged = new ArrayList<>();
        int applied = 0;
        for (ReceivedEvent event : batch) {
            IncidentEvent payload = event.payload().orElseThrow();
            IncidentReport report = reports.computeIfAbsent(event.incidentId(), IncidentReport::empty);
            if (event.incidentSequence() <= report.lastAppliedSequence) {
                duplicates.increment();
                continue;
            }
            if (event.incidentSequence() > report.lastAppliedSequence + 1) {
                gaps.increment();
                log.warn("Incident {} jumps from sequence {} to {}: events are missing from the topic",
                        event.incidentId(), report.lastAppliedSequence, event.incidentSequence());
            }
            LoggedEvent loggedEvent = new LoggedEvent(event.eventId(), event.type(), event.incidentSequence(),
                    payload.occurredAt(), event.recordedAt(), event.actor(), eventLog.write(payload));
            ReportFold.apply(report, loggedEvent, payload);
            if (ReportFold.isLogged(payload)) {
                logged.add(ReportEvents.stored(event.incidentId(), loggedEvent));
            }
            changed.add(event.incidentId());
            applied++;
        }
        if (changed.isEmpty()) {
            return;
        }
        // The events first, as in on(): a failure in between leaves the reports behind, not the log.
        events.recordAll(logged);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IncidentReport.class);
        int replaces = 0;
        for (String incidentId : changed) {
            Long read = sequenceRead.get(incidentId);
            if (read == null) {
                bulk.insert(reports.get(incidentId));
            } else {
                bulk.replaceOne(query(where("_id").is(incidentId).and("lastAppliedSequence").is(read)),
                        reports.get(incidentId));
                replaces++;
            }
        }
        if (bulk.execute().getMatchedCount() != replaces) {
            throw new OptimisticLockingFailureException("A report changed under a batch of " + batch.size()
                    + " events; applying them one at a time");
        }
        version.addAndGet(applied);
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
