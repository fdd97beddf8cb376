package org.incidentplatform.incident.lifecycle;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant STARTED = Instant.parse("2026-11-21T09:40:00Z");

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void openingAnIncidentRecordsWhatTheOpenerReported() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncidentCommand("inc-1", "DNS records missing", "Workers cannot resolve",
                        Severity.SEV1, List.of("api", "workers"), STARTED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IncidentOpened("inc-1", "DNS records missing", "Workers cannot resolve",
                        Severity.SEV1, List.of("api", "workers"), STARTED))
                .expectState(incident -> {
                    if (incident.status() != IncidentStatus.TRIGGERED) {
                        throw new AssertionError("expected TRIGGERED but was " + incident.status());
                    }
                });
    }

    @Test
    void anIncidentOpenedWithoutServicesHasAnEmptyServiceList() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncidentCommand("inc-2", "Checkout slow", null, Severity.SEV3, null, STARTED))
                .expectEvents(new IncidentOpened("inc-2", "Checkout slow", null, Severity.SEV3, List.of(), STARTED));
    }
}
