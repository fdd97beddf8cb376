package org.incidentplatform.notification.incident;

import org.bson.Document;

/**
 * An {@link IncidentState} as {@code incident_states} stores it, written and read by hand in the
 * batch reads and writes of the consumer: Spring Data's entity mapping cost more than the
 * commands themselves (docs/benchmarks.md, December 8). The shape is Spring Data's (field names as
 * declared, {@code _id} for the id, absent when null), which the single-event path still uses;
 * {@code IncidentStateDocumentsTest} holds the two to the same shape.
 */
final class IncidentStateDocuments {

    private IncidentStateDocuments() {
    }

    static Document write(IncidentState state) {
        Document document = new Document("_id", state.id()).append("lastSequence", state.lastSequence());
        put(document, "title", state.title());
        put(document, "summary", state.summary());
        put(document, "severity", state.severity());
        put(document, "status", state.status());
        document.put("services", state.services());
        document.put("components", state.components());
        put(document, "commander", state.commander());
        return document;
    }

    static IncidentState read(Document document) {
        Number lastSequence = document.get("lastSequence", Number.class);
        return new IncidentState(document.getString("_id"), lastSequence == null ? 0 : lastSequence.longValue(),
                document.getString("title"), document.getString("summary"), document.getString("severity"),
                document.getString("status"), document.getList("services", String.class),
                document.getList("components", String.class), document.getString("commander"));
    }

    private static void put(Document document, String name, Object value) {
        if (value != null) {
            document.put(name, value);
        }
    }
}
