package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.intake.AlertStreamCommands.EndIncident;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlert;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlerts;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceivedAlert;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AttachAlert;
import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncidentWithAlerts;
import org.incidentplatform.incident.lifecycle.IncidentOpener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert-stream rules, one per test. */
class AlertStreamTest {

    private static final String STREAM = "stream-1";
    private static final Instant NOW = Instant.parse("2026-11-21T09:40:00Z");

    private FixtureConfiguration<AlertStream> fixture;
    /** What the stream opened in its own unit of work; the incident's rules are {@code IncidentTest}'s. */
    private final List<OpenIncidentWithAlerts> openings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AlertStream.class);
        fixture.registerInjectableResource((IncidentOpener) openings::add);
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

    /** A decision stored before streams opened their incidents themselves, as in a store of that time. */
    private static OpenedIncident opened(String incidentId, String previous) {
        return new OpenedIncident(STREAM, incidentId, previous, "int-1", "prod-am", Severity.SEV1, List.of("api"),
                "int-1:fp-a", 1, signal(AlertSignal.Action.TRIGGER, "fp-a"), NOW);
    }

    /** The decision as made now: the incident opens in the same append, its first alert at sequence 1. */
    private static OpenedIncident openedHere(String incidentId, String previous) {
        return new OpenedIncident(STREAM, incidentId, previous, "int-1", "prod-am", Severity.SEV1, List.of("api"),
                "int-1:fp-a", 1, signal(AlertSignal.Action.TRIGGER, "fp-a"), NOW, 1L);
    }

    private static ReceiveAlerts group(AlertSignal... alerts) {
        return new ReceiveAlerts(STREAM, "int-1", "prod-am", true, List.of(alerts).stream()
                .map(alert -> new ReceivedAlert(Severity.SEV1, List.of("api"), alert)).toList(), NOW);
    }

    private List<Object> streamEvents() {
        return fixture.getEventStore().readEvents(STREAM).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    @Test
    void theFirstFiringAlertOpensAnIncidentWithTheProposedId() {
        fixture.givenNoPriorActivity()
                .when(receive(AlertSignal.Action.TRIGGER, "fp-a", "inc-1", true))
                .expectEvents(openedHere("inc-1", null));
        assertThat(openings).singleElement().satisfies(open -> {
            assertThat(open.incidentId()).isEqualTo("inc-1");
            assertThat(open.open().severity()).isEqualTo(Severity.SEV1);
            assertThat(open.open().services()).containsExactly("api");
            assertThat(open.alerts()).extracting(AttachAlert::alertKey).containsExactly("int-1:fp-a");
            assertThat(open.alerts().getFirst().previousIncidentId()).isNull();
        });
    }

    @Test
    void alertsThatJoinInTheOpeningCommandOpenTheIncidentWithItEachAtItsSequence() {
        fixture.givenNoPriorActivity()
                .when(group(signal(AlertSignal.Action.TRIGGER, "fp-a"), signal(AlertSignal.Action.TRIGGER, "fp-b"),
                        signal(AlertSignal.Action.TRIGGER, "fp-a"), signal(AlertSignal.Action.TRIGGER, "fp-c")))
                .expectSuccessfulHandlerExecution();
        assertThat(openings).singleElement().satisfies(open -> assertThat(open.alerts())
                .extracting(AttachAlert::alertKey).containsExactly("int-1:fp-a", "int-1:fp-b", "int-1:fp-c"));
        String incident = openings.getFirst().incidentId();
        assertThat(streamEvents()).satisfiesExactly(
                e -> assertThat(e).isInstanceOfSatisfying(OpenedIncident.class, o -> {
                    assertThat(o.incidentId()).isEqualTo(incident);
                    assertThat(o.attachedAtSequence()).isEqualTo(1L);
                }),
                e -> assertThat(e).isInstanceOfSatisfying(AlertJoined.class,
                        j -> assertThat(j.attachedAtSequence()).isEqualTo(2L)),
                e -> assertThat(e).isInstanceOf(AlertRefired.class),
                e -> assertThat(e).isInstanceOfSatisfying(AlertJoined.class,
                        j -> assertThat(j.attachedAtSequence()).isEqualTo(3L)));
    }

    @Test
    void anAlertFiringAgainAfterItsResolveInTheOpeningCommandIsLeftToTheLinkerInOrder() {
        fixture.givenNoPriorActivity()
                .when(group(signal(AlertSignal.Action.TRIGGER, "fp-a"), signal(AlertSignal.Action.TRIGGER, "fp-b"),
                        signal(AlertSignal.Action.RESOLVE, "fp-b"), signal(AlertSignal.Action.TRIGGER, "fp-b")))
                .expectSuccessfulHandlerExecution();
        assertThat(openings).singleElement().satisfies(open -> assertThat(open.alerts())
                .extracting(AttachAlert::alertKey).containsExactly("int-1:fp-a", "int-1:fp-b"));
        assertThat(streamEvents()).satisfiesExactly(
                e -> assertThat(e).isInstanceOf(OpenedIncident.class),
                e -> assertThat(e).isInstanceOfSatisfying(AlertJoined.class,
                        j -> assertThat(j.attachedAtSequence()).isEqualTo(2L)),
                e -> assertThat(e).isInstanceOf(AlertResolved.class),
                e -> assertThat(e).isInstanceOfSatisfying(AlertJoined.class,
                        j -> assertThat(j.attachedAtSequence()).as("re-fired after its resolve").isNull()));
    }

    @Test
    void aGroupWhoseIncidentAutoResolvesAndFiresAgainOpensTwoIncidents() {
        fixture.givenNoPriorActivity()
                .when(group(signal(AlertSignal.Action.TRIGGER, "fp-a"), signal(AlertSignal.Action.RESOLVE, "fp-a"),
                        signal(AlertSignal.Action.TRIGGER, "fp-a")))
                .expectSuccessfulHandlerExecution();
        assertThat(openings).hasSize(2);
        assertThat(openings.get(1).alerts().getFirst().previousIncidentId()).isEqualTo(openings.get(0).incidentId());
    }

    @Test
    void aCopyOfAFiringAlertOnlyCountsAndOpensNothing() {
        fixture.given(opened("inc-1", null))
                .when(receive(AlertSignal.Action.TRIGGER, "fp-a", "inc-ignored", true))
                .expectEvents(new AlertRefired(STREAM, "inc-1", "int-1:fp-a", 2, NOW));
        assertThat(openings).isEmpty();
    }

    @Test
    void anotherAlertOfTheSameGroupJoinsTheOpenIncident() {
        fixture.given(opened("inc-1", null))
                .when(receive(AlertSignal.Action.TRIGGER, "fp-b", "inc-ignored", true))
                .expectEvents(new AlertJoined(STREAM, "inc-1", "int-1", "prod-am", "int-1:fp-b", 1,
                        signal(AlertSignal.Action.TRIGGER, "fp-b"), NOW));
        assertThat(openings).as("an older incident: the linker attaches").isEmpty();
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
                .expectEvents(openedHere("inc-2", "inc-1"));
        assertThat(openings).singleElement().satisfies(open ->
                assertThat(open.alerts().getFirst().previousIncidentId()).isEqualTo("inc-1"));
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
