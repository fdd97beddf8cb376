package org.incidentplatform.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A {@link Delivery} as the {@code deliveries} collection stores it, written and read by hand for
 * the worker's hot bulk writes and reads. Spring Data's mapping of these entities, queries and
 * updates was a quarter of notification-service's CPU in a 10,000-alert burst (docs/benchmarks.md,
 * December 8). The shape is the one Spring Data writes (field names as declared, {@code _id} for
 * the id, instants as dates, the status by name, absent when null), so the operators' queries
 * that still read through Spring Data see the same records; {@code DeliveryDocumentsTest} holds
 * the two to the same shape.
 */
final class DeliveryDocuments {

    private DeliveryDocuments() {
    }

    static Document write(Delivery d) {
        Document document = new Document("_id", d.id());
        put(document, "incidentId", d.incidentId());
        put(document, "eventId", d.eventId());
        put(document, "eventType", d.eventType());
        document.put("incidentSequence", d.incidentSequence());
        put(document, "correlationId", d.correlationId());
        put(document, "traceparent", d.traceparent());
        put(document, "channel", d.channel());
        put(document, "target", d.target());
        put(document, "status", d.status() == null ? null : d.status().name());
        document.put("failures", d.failures());
        put(document, "createdAt", date(d.createdAt()));
        put(document, "nextAttemptAt", date(d.nextAttemptAt()));
        put(document, "leaseUntil", date(d.leaseUntil()));
        put(document, "sendingSince", date(d.sendingSince()));
        put(document, "deliveredAt", date(d.deliveredAt()));
        put(document, "message", d.message());
        put(document, "cloudEvent", d.cloudEvent());
        put(document, "fallbackFor", d.fallbackFor());
        put(document, "lastError", d.lastError());
        document.put("replays", d.replays());
        List<Document> attempts = new ArrayList<>(d.attempts().size());
        d.attempts().forEach(attempt -> attempts.add(write(attempt)));
        document.put("attempts", attempts);
        return document;
    }

    static Document write(Attempt a) {
        Document document = new Document("number", a.number());
        put(document, "at", date(a.at()));
        put(document, "outcome", a.outcome());
        put(document, "responseCode", a.responseCode());
        document.put("latencyMillis", a.latencyMillis());
        put(document, "error", a.error());
        put(document, "sentWith", a.sentWith());
        return document;
    }

    static Delivery read(Document d) {
        String status = d.getString("status");
        List<Attempt> attempts = new ArrayList<>();
        List<?> stored = d.get("attempts", List.class);
        if (stored != null) {
            stored.forEach(attempt -> attempts.add(readAttempt((Document) attempt)));
        }
        return new Delivery(d.getString("_id"), d.getString("incidentId"), d.getString("eventId"),
                d.getString("eventType"), longOf(d, "incidentSequence"), d.getString("correlationId"),
                d.getString("traceparent"), d.getString("channel"), d.getString("target"),
                status == null ? null : DeliveryStatus.valueOf(status), (int) longOf(d, "failures"),
                instant(d, "createdAt"), instant(d, "nextAttemptAt"), instant(d, "leaseUntil"),
                instant(d, "sendingSince"), instant(d, "deliveredAt"), d.getString("message"),
                d.getString("cloudEvent"), d.getString("fallbackFor"), d.getString("lastError"),
                (int) longOf(d, "replays"), attempts);
    }

    private static Attempt readAttempt(Document a) {
        Number responseCode = a.get("responseCode", Number.class);
        return new Attempt((int) longOf(a, "number"), instant(a, "at"), a.getString("outcome"),
                responseCode == null ? null : responseCode.intValue(), longOf(a, "latencyMillis"),
                a.getString("error"), a.getString("sentWith"));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** Sets the field unless the value is null: Spring Data writes nothing for a null. */
    static void put(Document document, String name, Object value) {
        if (value != null) {
            document.put(name, value);
        }
    }

    private static long longOf(Document document, String name) {
        Number value = document.get(name, Number.class);
        return value == null ? 0 : value.longValue();
    }

    static Instant instant(Document document, String name) {
        Date value = document.getDate(name);
        return value == null ? null : value.toInstant();
    }
}
