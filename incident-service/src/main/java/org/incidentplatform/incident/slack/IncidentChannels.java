package org.incidentplatform.incident.slack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.incident.relay.RelaySink;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.core.annotation.Order;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Incident channels: which incidents get a Slack channel of their own, who is to be invited, and
 * when it is archived. A sink of the event relay writes what is wanted (an incident of a configured
 * severity opened, a person paged by Slack, someone acting from Slack, the incident closed);
 * {@link IncidentChannelWorker} makes Slack match it, retrying with back-off, so a Slack outage
 * delays a channel and never holds up the relay. Every change raises {@code revision}, so the
 * worker only marks a channel done if nothing new was wanted while it worked.
 */
@Component
@Order(40)
class IncidentChannels implements RelaySink {

    private final MongoTemplate mongo;
    private final SlackProperties properties;

    IncidentChannels(MongoTemplate mongo, SlackProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /**
     * @param invite   Slack member ids wanted in the channel
     * @param invited  those already invited (or found there)
     * @param pending  Slack does not match what is wanted yet
     * @param dueAt    when the worker may next try (its claim, or the back-off after a failure)
     */
    @Document("slack_incident_channels")
    record IncidentChannel(@Id String incidentId, String channelId, String channelName, String summaryTs,
            List<String> invite, List<String> invited, boolean archive, boolean archived, boolean pending,
            long revision, Instant dueAt, int attempts, String lastError) {

        List<String> toInvite() {
            List<String> done = invited == null ? List.of() : invited;
            return invite == null ? List.of() : invite.stream().filter(id -> !done.contains(id)).toList();
        }
    }

    /** The incident whose channel this is; empty for any other channel. */
    Optional<String> incidentOf(String channelId) {
        if (channelId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("channelId").is(channelId)),
                IncidentChannel.class)).map(IncidentChannel::incidentId);
    }

    Optional<IncidentChannel> of(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentChannel.class));
    }

    @Override
    public boolean handles(String aggregateType) {
        return properties.enabled() && !properties.channelSeverities().isEmpty() && "Incident".equals(aggregateType);
    }

    @Override
    public String name() {
        return "slack-incident-channels";
    }

    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        for (DomainEventMessage<?> event : events) {
            Object slackUser = event.getMetaData().get(RequestOrigin.SLACK_USER);
            switch (event.getPayload()) {
                case IncidentOpened opened when wanted(opened.severity()) -> open(opened.incidentId());
                case SeverityChanged changed when wanted(changed.severity()) -> open(changed.incidentId());
                case PersonPaged paged -> paged.contacts().stream().filter(c -> "SLACK".equals(c.type()))
                        .forEach(c -> want(paged.incidentId(), new Update().addToSet("invite", c.address())));
                case IncidentClosed closed -> want(closed.incidentId(), new Update().set("archive", true));
                default -> { }
            }
            if (slackUser instanceof String member && event.getPayload() instanceof org.incidentplatform.events.IncidentEvent e) {
                want(e.incidentId(), new Update().addToSet("invite", member));
            }
        }
    }

    private boolean wanted(Severity severity) {
        return properties.channelSeverities().contains(severity);
    }

    /** Idempotent: a redelivered opening finds the channel wanted already. */
    private void open(String incidentId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(incidentId)), new Update()
                .setOnInsert("invite", List.of()).setOnInsert("invited", List.of()).setOnInsert("archive", false)
                .setOnInsert("archived", false).setOnInsert("attempts", 0)
                .set("pending", true).set("dueAt", Instant.now()).inc("revision", 1), IncidentChannel.class);
    }

    /** Changes only an incident that has a channel wanted: others have none to change. */
    private void want(String incidentId, Update change) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(incidentId)),
                change.set("pending", true).set("dueAt", Instant.now()).inc("revision", 1), IncidentChannel.class);
    }

    /** Claims the next channel due for work, for {@code claimFor}; empty when none is due. */
    Optional<IncidentChannel> claimNext(Instant now, java.time.Duration claimFor) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("pending").is(true).and("dueAt").lte(now)),
                new Update().set("dueAt", now.plus(claimFor)),
                FindAndModifyOptions.options().returnNew(true), IncidentChannel.class));
    }

    void record(String incidentId, Update progress) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(incidentId)), progress, IncidentChannel.class);
    }

    /** Done, unless something new was wanted since {@code revision} was read. */
    void done(IncidentChannel seen) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(seen.incidentId()).and("revision").is(seen.revision())),
                new Update().set("pending", false).set("attempts", 0).unset("lastError"), IncidentChannel.class);
    }

    void failed(IncidentChannel seen, String why, Instant retryAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(seen.incidentId())),
                new Update().set("dueAt", retryAt).inc("attempts", 1).set("lastError", why), IncidentChannel.class);
    }
}
