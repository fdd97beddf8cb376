package org.incidentplatform.incident.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.incidentplatform.events.EscalationStarted;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incident's escalation rules, one per test, given/when/then. */
class IncidentEscalationTest {

    private static final String ID = "inc-esc";
    private static final Instant T0 = Instant.parse("2026-12-06T03:00:00Z");
    private static final Instant T1 = T0.plusSeconds(300);
    private static final Duration WAIT = Duration.ofMinutes(5);

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static IncidentOpened opened() {
        return new IncidentOpened(ID, "Database down", null, Severity.SEV1, List.of("db"), null, null, T0);
    }

    private static PersonPaged page(String pageId, String person, int step) {
        return new PersonPaged(ID, pageId, step, 1, person, person, "on call", List.of(new PersonPaged.Contact("EMAIL", person + "@example.com", 0)), T0);
    }

    private static EscalationStep step(int step, PersonPaged page) {
        return new EscalationStep(step, 1, List.of("on call for Primary"), List.of(), List.of(page), WAIT);
    }

    private static EscalationStarted started() {
        return new EscalationStarted(ID, "esc-1", "Database", 2, 1, T0);
    }

    private static EscalationStepReached reached(int step, Instant at) {
        return new EscalationStepReached(ID, "esc-1", step, 1, List.of("on call for Primary"), List.of(), at.plus(WAIT), at);
    }

    @Test
    void startingPagesTheFirstStepAndSetsItsDeadline() {
        fixture.given(opened())
                .when(new StartEscalation(ID, "esc-1", "Database", 2, 1, step(1, page("pg-1", "ada", 1)), T0))
                .expectEvents(started(), reached(1, T0), page("pg-1", "ada", 1));
    }

    @Test
    void anIncidentEscalatesOnceEvenWhenTheStartIsDeliveredTwice() {
        fixture.given(opened(), started(), reached(1, T0), page("pg-1", "ada", 1))
                .when(new StartEscalation(ID, "esc-1", "Database", 2, 1, step(1, page("pg-9", "ada", 1)), T0))
                .expectNoEvents();
    }

    @Test
    void anIncidentAnsweredBeforeItsEscalationStartsIsNotPaged() {
        fixture.given(opened(), new IncidentAcknowledged(ID, T0))
                .when(new StartEscalation(ID, "esc-1", "Database", 2, 1, step(1, page("pg-1", "ada", 1)), T0))
                .expectNoEvents();
    }

    @Test
    void aTimerForTheCurrentStepMovesToTheNext() {
        fixture.given(opened(), started(), reached(1, T0), page("pg-1", "ada", 1))
                .when(new AdvanceEscalation(ID, 1, 1, step(2, page("pg-2", "grace", 2)), T1))
                .expectEvents(reached(2, T1), page("pg-2", "grace", 2))
                .expectResultMessagePayload(true);
    }

    @Test
    void aTimerForAStepAlreadyLeftChangesNothing() {
        fixture.given(opened(), started(), reached(1, T0), page("pg-1", "ada", 1), reached(2, T1), page("pg-2", "grace", 2))
                .when(new AdvanceEscalation(ID, 1, 1, step(2, page("pg-3", "grace", 2)), T1))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void afterTheLastStepTheEscalationEndsExhausted() {
        fixture.given(opened(), started(), reached(2, T0))
                .when(new AdvanceEscalation(ID, 2, 1, null, T1))
                .expectEvents(new EscalationStopped(ID, "EXHAUSTED", T1));
    }

    @Test
    void acknowledgingStopsTheEscalation() {
        fixture.given(opened(), started(), reached(1, T0), page("pg-1", "ada", 1))
                .when(new AcknowledgeIncident(ID, null, T1))
                .expectEvents(new IncidentAcknowledged(ID, T1), new EscalationStopped(ID, "ACKNOWLEDGED", T1));
    }

    @Test
    void resolvingStopsTheEscalation() {
        fixture.given(opened(), started(), reached(1, T0))
                .when(new ResolveIncident(ID, null, "fixed", T1))
                .expectEvents(new IncidentResolved(ID, "fixed", T1), new EscalationStopped(ID, "RESOLVED", T1));
    }

    @Test
    void aPageLinkUsedAfterSomeoneAnsweredChangesNothing() {
        fixture.given(opened(), started(), reached(1, T0), new IncidentAcknowledged(ID, T1), new EscalationStopped(ID, "ACKNOWLEDGED", T1))
                .when(new AcknowledgeFromPage(ID, "pg-1", T1))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
