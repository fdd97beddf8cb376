package org.incidentplatform.report.postmortem;

import java.util.Optional;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.IncidentOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Applies incident events to the {@code incident_reports} collection, each at most once.
 *
 * <p>Per incident, events arrive in sequence order (the topic is keyed by incident id), so the
 * document's {@code lastAppliedSequence} tells which events it already contains. The opening
 * event is an insert under the incident id: a duplicate key means it was applied before. Later
 * events will update only a document whose {@code lastAppliedSequence} is below their own, in
 * the same single-document write, so no read-then-write race exists.
 */
@Component
class ReportProjection {

    private static final Logger log = LoggerFactory.getLogger(ReportProjection.class);

    private final MongoOperations mongo;

    ReportProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Applies an event whose type this service knows. */
    void on(ReceivedEvent event) {
        switch (event.payload().orElseThrow()) {
            case IncidentOpened opened -> open(event, opened);
            default -> log.debug("Event type {} does not change post-mortems yet", event.type());
        }
    }

    Optional<IncidentReport> reportOf(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentReport.class));
    }

    private void open(ReceivedEvent event, IncidentOpened opened) {
        try {
            mongo.insert(new IncidentReport(event.incidentId(), opened.title(), opened.summary(),
                    opened.severity(), opened.services(), opened.occurredAt(), event.incidentSequence()));
        } catch (DuplicateKeyException alreadyApplied) {
            log.debug("Incident {} was opened in its report before; event {} changes nothing",
                    event.incidentId(), event.eventId());
        }
    }
}
