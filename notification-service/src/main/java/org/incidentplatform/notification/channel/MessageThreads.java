package org.incidentplatform.notification.channel;

import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The first message of each incident per channel and target (a Slack parent's {@code ts}, the
 * root e-mail's Message-ID), so that later updates thread under it. Written right after the
 * first message went out and before anything is sent in its thread.
 */
@Component
public class MessageThreads {

    @Document("message_threads")
    record MessageThread(@Id String id, String reference, java.time.Instant startedAt) {
    }

    private final MongoOperations mongo;
    private final Clock clock;

    MessageThreads(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<String> find(String channel, String target, String incidentId) {
        return Optional.ofNullable(mongo.findById(idOf(channel, target, incidentId), MessageThread.class))
                .map(MessageThread::reference);
    }

    /** Records the thread's first message; the first record wins if two are made. */
    public String record(String channel, String target, String incidentId, String reference) {
        try {
            mongo.insert(new MessageThread(idOf(channel, target, incidentId), reference, clock.instant()));
            return reference;
        } catch (DuplicateKeyException recordedBefore) {
            return find(channel, target, incidentId).orElse(reference);
        }
    }

    private static String idOf(String channel, String target, String incidentId) {
        return channel + ":" + target + ":" + incidentId;
    }
}
