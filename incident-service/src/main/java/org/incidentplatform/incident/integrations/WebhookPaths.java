package org.incidentplatform.incident.integrations;

/** Where a sender posts, for each integration type. */
final class WebhookPaths {

    private WebhookPaths() {
    }

    static String of(IntegrationType type, String key) {
        return switch (type) {
            case ALERTMANAGER -> "/api/v1/integrations/" + key + "/alertmanager";
            case GRAFANA -> "/api/v1/integrations/" + key + "/grafana";
            case EVENTS_V2 -> "/api/v1/events/enqueue (routing_key = the key)";
        };
    }
}
