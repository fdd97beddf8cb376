package org.incidentplatform.incident.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Gauges {@code incident.processor.lag} (seconds) and {@code incident.processor.behind} (events)
 * per watched processor, measured against the event store. A scrape reads cached values, refreshed
 * at most every {@code refresh} with two bounded MongoDB queries; a processor whose segments
 * another instance holds, or a failed query, reports NaN (Prometheus drops it) rather than a
 * made-up zero. {@code kafka-publisher}'s lag is the publishing lag.
 */
@Component
class ProcessorLag {

    private static final String EVENTS = "domainevents";
    private static final String TIMESTAMP = "timestamp";

    private final StreamingProcessors processors;
    private final MongoDatabaseFactory databases;
    private final long refreshNanos;
    private final Map<String, double[]> lastValues = new ConcurrentHashMap<>();
    private final Map<String, Long> refreshedAt = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    ProcessorLag(StreamingProcessors processors, MongoDatabaseFactory databases, MeterRegistry meters,
            @Value("${incidents.metrics.processor-lag-refresh:5s}") Duration refresh) {
        this.processors = processors;
        this.databases = databases;
        this.refreshNanos = refresh.toNanos();
        for (String name : StreamingProcessors.WATCHED) {
            Gauge.builder("incident.processor.lag", () -> values(name)[0])
                    .description("Seconds between the newest stored event and this processor's position")
                    .baseUnit("seconds").tag("processor", name).register(meters);
            Gauge.builder("incident.processor.behind", () -> values(name)[1])
                    .description("Stored events after this processor's position")
                    .baseUnit("events").tag("processor", name).register(meters);
        }
    }

    private double[] values(String name) {
        // A lock, not synchronized: scrapes run on virtual threads, which synchronized pins on JDK 21.
        lock.lock();
        try {
            Long at = refreshedAt.get(name);
            if (at == null || System.nanoTime() - at >= refreshNanos) {
                lastValues.put(name, measure(name));
                refreshedAt.put(name, System.nanoTime());
            }
            return lastValues.get(name);
        } finally {
            lock.unlock();
        }
    }

    private double[] measure(String name) {
        Optional<Instant> position = processors.named(name).flatMap(ProcessorLag::position);
        if (position.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        try {
            var events = databases.getMongoDatabase().withTimeout(2, TimeUnit.SECONDS).getCollection(EVENTS);
            Document newest = events.find().sort(new Document(TIMESTAMP, -1))
                    .projection(new Document(TIMESTAMP, 1)).limit(1).first();
            if (newest == null) {
                return new double[] {0, 0};
            }
            Instant newestAt = Instant.parse(newest.getString(TIMESTAMP));
            double lagSeconds = Math.max(0, Duration.between(position.get(), newestAt).toMillis() / 1000.0);
            long behind = events.countDocuments(new Document(TIMESTAMP,
                    new Document("$gt", DateTimeUtils.formatInstant(position.get()))));
            return new double[] {lagSeconds, behind};
        } catch (RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** The oldest position among the segments this instance holds, if it holds any. */
    private static Optional<Instant> position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken)
                .map(ProcessorLag::timestampOf)
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    private static Optional<Instant> timestampOf(TrackingToken token) {
        return token == null ? Optional.empty()
                : WrappedToken.unwrap(token, MongoTrackingToken.class).map(MongoTrackingToken::getTimestamp);
    }
}
