package org.incidentplatform.incident.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.springframework.http.HttpMethod;

/** Sender payloads shaped as their senders document them, re-addressed per test. */
final class IntakeFixtures {

    private IntakeFixtures() {
    }

    /** A new integration of the given type; returns its secret key. */
    static String createIntegration(ApiClient admin, String type, String settingsJson) {
        var created = admin.send(HttpMethod.POST, "/api/v1/integrations", """
                {"name": "%s-%s", "type": "%s", "settings": %s}"""
                .formatted(type.toLowerCase(), UUID.randomUUID().toString().substring(0, 8), type, settingsJson));
        if (created.status() != 201) {
            throw new AssertionError("Could not create integration: " + created.body());
        }
        return created.text("/key");
    }

    static String alertmanager(String service, String fingerprint) {
        return resource("alertmanager-firing.json").replace("SERVICE", service).replace("FINGERPRINT", fingerprint);
    }

    static String alertmanagerResolved(String service, String fingerprint) {
        return alertmanager(service, fingerprint)
                .replace("\"status\": \"firing\"", "\"status\": \"resolved\"")
                .replace("\"endsAt\": \"0001-01-01T00:00:00Z\"", "\"endsAt\": \"2026-11-21T10:11:30Z\"");
    }

    static String grafana(String service, String fingerprint) {
        return resource("grafana-firing.json").replace("SERVICE", service).replace("FINGERPRINT", fingerprint);
    }

    static String eventsV2(String routingKey, String action, String dedupKey, String component) {
        return """
                {"routing_key": "%s", "event_action": "%s", "dedup_key": "%s",
                 "payload": {"summary": "Checkout latency p99 above 2 s", "source": "checkout-1.example",
                             "severity": "error", "timestamp": "2026-11-21T09:41:00.000+00:00",
                             "component": "%s", "group": "web", "class": "latency",
                             "custom_details": {"p99_ms": 2430, "region": "eu-west-1"}},
                 "links": [{"href": "https://grafana.example/d/checkout", "text": "Checkout dashboard"}],
                 "images": [{"src": "https://grafana.example/render/checkout.png", "href": "https://grafana.example/d/checkout", "alt": "p99"}],
                 "client": "Prometheus", "client_url": "https://prometheus.example"}"""
                .formatted(routingKey, action, dedupKey, component);
    }

    static String resource(String name) {
        try (InputStream in = IntakeFixtures.class.getResourceAsStream("/intake/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
