package org.incidentplatform.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.security.testing.BadInputCorpus;
import org.incidentplatform.incident.StoredEventsSince;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

@IncidentServiceTest
class BadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyWriteEndpointAnswersHostileInputWithA4xxProblemAndStoresNothing() throws Exception {
        StoredEventsSince stored = StoredEventsSince.now(eventStore);
        java.util.Map<String, Long> rosterBefore = rosterCounts();
        String incidentId = new ApiClient(port).send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\":\"Corpus target\",\"severity\":\"SEV4\"}").text("/id");
        // The Events API endpoint answers in that API's own shape; MalformedIntakeCorpusTest covers it.
        var corpus = new BadInputCorpus("http://localhost:" + port, ApiClient.ADMIN_KEY,
                path -> path.equals("/v2/enqueue") || path.equals("/api/v1/events/enqueue"));

        assertThat(corpus.violations()).isEmpty();
        assertThat(corpus.requests()).isGreaterThan(200);
        assertThat(stored.correlatedWith(corpus.correlationIds())).isZero();
        assertThat(rosterCounts()).as("people, teams, schedules, their change logs, Slack's records").isEqualTo(rosterBefore);
        assertThat(new ApiClient(port).get("/api/v1/incidents/" + incidentId).text("/title")).isEqualTo("Corpus target");
    }

    private java.util.Map<String, Long> rosterCounts() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (String collection : java.util.List.of("people", "teams", "roster_changes", "schedule_versions",
                "escalation_policies", "heartbeats", "maintenance_windows", "integrations", "slack_interactions",
                "slack_incident_channels")) {
            counts.put(collection, mongo.getCollection(collection).countDocuments());
        }
        return counts;
    }
}
