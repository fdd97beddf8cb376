package org.incidentplatform.incident.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.intake.AlertStreamCommands.EndIncident;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlert;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert-stream rules, one per test. */
class AlertStreamTest {

    private static final String STREAM = "stream-1";
    private static final Instant NOW = Instant.parse("2026-11-21T09:40:00Z");

    private FixtureConfiguration<AlertStream> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AlertStream.class);
    }

    private static AlertSignal signal(AlertSignal.Action action, String fingerprint) {
        return new AlertSignal(action, fingerprint, "group-1", "API 5xx above 5%", "critical",
                Map.of("alertname", "HighErrorRate"), Map.of(), List.of(), NOW, null, "alertmanager");
    }

    private static ReceiveAlert receive(AlertSignal.Action action, String fingerprint, String proposedIncidentId,
            boolean autoResolve) {
        return new ReceiveAlert(STREAM, "int-1", "prod-am", autoResolve, Severity.SEV1, List.of("api"),
                proposedIncidentId, signal(action, fingerprint), NOW);
    }

    private static OpenedIncident opened(String incidentId, String previous) {
        return new OpenedIncident(STREAM, incidentId, previous, "int-1", "prod-am", Severity.SEV1, List.of("api"),
                "int-1:fp-a", 1, signal(AlertSignal.Action.TRIGGER, "fp-a"), NOW);
    }

    @Test
    void theFirstFiringAlertOpensAnIncidentWithTheProposedId() {
        fixture.givenNoPriorActivity()
                .when(receive(AlertSignal.Action.TRIGGER, "fp-a", "inc-1", true))
                .expectEvents(opened("inc-1", null));
    }

    @Test
    void aCopyOfAFiringAlertOnlyCountsAndOpensNothing() {
        fixture.given(opened("inc-1", null))
                .when(receive(AlertSignal.Action.TRIGGER, "fp-a", "inc-ignored", true))
                .expectEvents(new AlertRefired(STREAM, "inc-1", "int-1:fp-a", 2, NOW));
    }

    @Test
    void anotherAlertOfTheSameGroupJoinsTheOpenIncident() {
        fixture.given(opened("inc-1", null))
                .when(receive(AlertSignal.Action.TRIGGER, "fp-b", "inc-ignored", true))
                .expectEvents(new AlertJoined(STREAM, "inc-1", "int-1", "prod-am", "int-1:fp-b", 1,
                        signal(AlertSignal.Action.TRIGGER, "fp-b"), NOW));
    }

    @Test
    void resolvingTheLastFiringAlertWithAutoResolveEndsTheIncident() {
        fixture.given(opened("inc-1", null))
                .when(receive(AlertSignal.Action.RESOLVE, "fp-a", "inc-ignored", true))
                .expectEvents(new AlertResolved(STREAM, "inc-1", "int-1", "prod-am", "int-1:fp-a", true, true, null, NOW),
                        new IncidentEnded(STREAM, "inc-1"));
    }

    @Test
    void withoutAutoResolveTheIncidentStaysOpenWhenItsAlertsResolve() {
        fixture.given(opened("inc-1", null))
                .when(receive(AlertSignal.Action.RESOLVE, "fp-a", "inc-ignored", false))
                .expectEvents(new AlertResolved(STREAM, "inc-1", "int-1", "prod-am", "int-1:fp-a", true, false, null, NOW));
    }

    @Test
    void whileAnotherAlertStillFiresResolvingOneDoesNotEndTheIncident() {
        fixture.given(opened("inc-1", null), new AlertJoined(STREAM, "inc-1", "int-1", "prod-am", "int-1:fp-b", 1,
                        signal(AlertSignal.Action.TRIGGER, "fp-b"), NOW))
                .when(receive(AlertSignal.Action.RESOLVE, "fp-a", "inc-ignored", true))
                .expectEvents(new AlertResolved(STREAM, "inc-1", "int-1", "prod-am", "int-1:fp-a", false, true, null, NOW));
    }

    @Test
    void aTriggerAfterTheIncidentEndedOpensANewIncidentLinkedToThePreviousOne() {
        fixture.given(opened("inc-1", null), new IncidentEnded(STREAM, "inc-1"))
                .when(receive(AlertSignal.Action.TRIGGER, "fp-a", "inc-2", true))
                .expectEvents(opened("inc-2", "inc-1"));
    }

    @Test
    void resolvingAnAlertThatIsNotFiringChangesNothing() {
        fixture.given(opened("inc-1", null), new IncidentEnded(STREAM, "inc-1"))
                .when(receive(AlertSignal.Action.RESOLVE, "fp-a", "inc-ignored", true))
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementReachesTheOpenIncident() {
        fixture.given(opened("inc-1", null))
                .when(receive(AlertSignal.Action.ACKNOWLEDGE, "fp-a", "inc-ignored", true))
                .expectEvents(new Acknowledged(STREAM, "inc-1", "prod-am", NOW));
    }

    @Test
    void endingAnIncidentThatIsNoLongerTheStreamsChangesNothing() {
        fixture.given(opened("inc-2", "inc-1"))
                .when(new EndIncident(STREAM, "inc-1"))
                .expectNoEvents();
    }
}
