package org.incidentplatform.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.ActionItemUpdated;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.ResponderAdded;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One business rule per test, given/when/then. */
class IncidentTest {

    private static final String ID = "inc-1";
    private static final Instant STARTED = Instant.parse("2026-11-21T09:40:00Z");
    private static final Instant LATER = Instant.parse("2026-11-21T10:07:00Z");

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static IncidentOpened opened() {
        return new IncidentOpened(ID, "Failover IP unreachable", null, Severity.SEV2, List.of("api"), null, null, STARTED);
    }

    private static IncidentResolved resolved() {
        return new IncidentResolved(ID, "Moved the IP", LATER);
    }

    @Test
    void openingAnIncidentRecordsWhatTheOpenerReported() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncident(ID, "Failover IP unreachable", null, Severity.SEV2, List.of("api"), null, null, STARTED))
                .expectEvents(opened())
                .expectState(incident -> assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED));
    }

    @Test
    void aTriggeredIncidentCanBeAcknowledged() {
        fixture.given(opened())
                .when(new AcknowledgeIncident(ID, null, LATER))
                .expectEvents(new IncidentAcknowledged(ID, LATER));
    }

    @Test
    void cannotAcknowledgeAResolvedIncident() {
        fixture.given(opened(), resolved())
                .when(new AcknowledgeIncident(ID, null, LATER))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("Only a triggered incident can be acknowledged (it is RESOLVED)")
                .expectNoEvents();
    }

    @Test
    void cannotAcknowledgeTwice() {
        fixture.given(opened(), new IncidentAcknowledged(ID, LATER))
                .when(new AcknowledgeIncident(ID, null, LATER))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void statusUpdatesMoveAnOpenIncidentThroughTheStatusPageVocabulary() {
        fixture.given(opened(), new IncidentAcknowledged(ID, LATER))
                .when(new PostStatusUpdate(ID, null, ProgressStatus.IDENTIFIED, "Found it", true, LATER))
                .expectEvents(new StatusUpdated(ID, ProgressStatus.IDENTIFIED, "Found it", true, LATER))
                .expectState(incident -> assertThat(incident.status()).isEqualTo(IncidentStatus.IDENTIFIED));
    }

    @Test
    void aBackDatedFactKeepsTheTimeItHappenedInItsOwnOffset() {
        Instant ninePmPst = OffsetDateTime.parse("2026-11-20T21:47:00-08:00").toInstant();
        fixture.given(opened())
                .when(new AddNote(ID, null, "note-1", "Router issue confirmed", Visibility.INTERNAL, ninePmPst))
                .expectEvents(new NoteAdded(ID, "note-1", "Router issue confirmed", Visibility.INTERNAL,
                        Instant.parse("2026-11-21T05:47:00Z")));
    }

    @Test
    void cannotPostAStatusUpdateToAResolvedIncident() {
        fixture.given(opened(), resolved())
                .when(new PostStatusUpdate(ID, null, ProgressStatus.MONITORING, "Watching", true, LATER))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void aSeverityChangeRecordsThePreviousSeverity() {
        fixture.given(opened())
                .when(new ChangeSeverity(ID, null, Severity.SEV1, "All API traffic affected", LATER))
                .expectEvents(new SeverityChanged(ID, Severity.SEV2, Severity.SEV1, "All API traffic affected", LATER));
    }

    @Test
    void changingToTheCurrentSeverityIsRejected() {
        fixture.given(opened())
                .when(new ChangeSeverity(ID, null, Severity.SEV2, "no change", LATER))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void addingAResponderTwiceRecordsThemOnce() {
        fixture.given(opened(), new ResponderAdded(ID, "bob", LATER))
                .when(new AddResponder(ID, null, "bob", LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingSomeoneWhoIsNotAResponderIsNotFound() {
        fixture.given(opened())
                .when(new RemoveResponder(ID, null, "mallory", LATER))
                .expectException(PartNotFoundException.class);
    }

    @Test
    void notesCanBeAddedEvenAfterTheIncidentIsClosed() {
        fixture.given(opened(), resolved(), new IncidentClosed(ID, LATER))
                .when(new AddNote(ID, null, "note-9", "Vendor confirmed the root cause", Visibility.PUBLIC, LATER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anIncidentIsMitigatedOnlyOnce() {
        fixture.given(opened(), new IncidentMitigated(ID, LATER))
                .when(new MitigateIncident(ID, null, LATER))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void reopeningAResolvedIncidentPutsItBackUnderInvestigation() {
        fixture.given(opened(), resolved())
                .when(new ReopenIncident(ID, null, "Errors returned", LATER))
                .expectEvents(new IncidentReopened(ID, "Errors returned", LATER))
                .expectState(incident -> assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING));
    }

    @Test
    void cannotReopenAnIncidentThatIsStillOpen() {
        fixture.given(opened())
                .when(new ReopenIncident(ID, null, "?", LATER))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void anIncidentCanBeClosedOnlyAfterItIsResolved() {
        fixture.given(opened())
                .when(new CloseIncident(ID, null, LATER))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("Only a resolved incident can be closed: resolve it first (it is TRIGGERED)");
        fixture.given(opened(), resolved())
                .when(new CloseIncident(ID, null, LATER))
                .expectEvents(new IncidentClosed(ID, LATER));
    }

    @Test
    void aClosedIncidentCannotBeReopened() {
        fixture.given(opened(), resolved(), new IncidentClosed(ID, LATER))
                .when(new ReopenIncident(ID, null, "?", LATER))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void anActionItemChangeTouchesOnlyTheGivenFields() {
        ActionItem item = new ActionItem("ai-1", "Alert on failover IP", "dave", LocalDate.parse("2026-12-05"),
                ActionItem.Category.DETECTION, ActionItem.Term.SHORT, ActionItem.Status.OPEN, null);
        fixture.given(opened(), new ActionItemAdded(ID, item, LATER))
                .when(new UpdateActionItem(ID, null,
                        new ActionItem("ai-1", null, null, null, null, null, ActionItem.Status.DONE, null), LATER))
                .expectEvents(new ActionItemUpdated(ID, new ActionItem("ai-1", "Alert on failover IP", "dave",
                        LocalDate.parse("2026-12-05"), ActionItem.Category.DETECTION, ActionItem.Term.SHORT,
                        ActionItem.Status.DONE, null), LATER));
    }

    @Test
    void anActionItemChangeThatChangesNothingRecordsNothing() {
        ActionItem item = new ActionItem("ai-1", "Alert", null, null, ActionItem.Category.DETECTION,
                ActionItem.Term.SHORT, ActionItem.Status.OPEN, null);
        fixture.given(opened(), new ActionItemAdded(ID, item, LATER))
                .when(new UpdateActionItem(ID, null,
                        new ActionItem("ai-1", null, null, null, null, null, ActionItem.Status.OPEN, null), LATER))
                .expectNoEvents();
    }

    @Test
    void changingAnUnknownActionItemIsNotFound() {
        fixture.given(opened())
                .when(new UpdateActionItem(ID, null,
                        new ActionItem("ai-404", null, null, null, null, null, ActionItem.Status.DONE, null), LATER))
                .expectException(PartNotFoundException.class);
    }

    @Test
    void aCommandBasedOnAStaleVersionIsRejected() {
        fixture.given(opened(), new IncidentAcknowledged(ID, LATER))
                .when(new PostStatusUpdate(ID, 0L, ProgressStatus.INVESTIGATING, "Looking", false, LATER))
                .expectException(StaleVersionException.class)
                .expectNoEvents();
    }

    @Test
    void aCommandBasedOnTheCurrentVersionIsAccepted() {
        fixture.given(opened(), new IncidentAcknowledged(ID, LATER))
                .when(new PostStatusUpdate(ID, 1L, ProgressStatus.INVESTIGATING, "Looking", false, LATER))
                .expectSuccessfulHandlerExecution();
    }

    private static org.incidentplatform.events.AlertAttached alertAttached(String key) {
        return new org.incidentplatform.events.AlertAttached(ID, key, "int-1", "prod-am", "alertmanager", "fp",
                "5xx", "critical", java.util.Map.of(), java.util.Map.of(), List.of(), STARTED, null, STARTED);
    }

    private static AttachAlert attach(String key) {
        return new AttachAlert(ID, key, "int-1", "prod-am", "alertmanager", "fp", "5xx", "critical",
                java.util.Map.of(), java.util.Map.of(), List.of(), STARTED, null, STARTED);
    }

    @Test
    void aRedeliveredAttachOfAnAlertThatHasSinceResolvedTheIncidentRecordsNothing() {
        fixture.given(opened(), alertAttached("k1"),
                        new org.incidentplatform.events.AlertResolved(ID, "k1", "int-1", true, LATER, LATER), resolved())
                .when(attach("k1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAlertFiringAgainAfterItResolvedIsAttachedAgain() {
        AttachAlert firingAgain = new AttachAlert(ID, "k1", "int-1", "prod-am", "alertmanager", "fp", "5xx", "critical",
                java.util.Map.of(), java.util.Map.of(), List.of(), LATER, null, LATER);
        fixture.given(opened(), alertAttached("k1"),
                        new org.incidentplatform.events.AlertResolved(ID, "k1", "int-1", true, LATER, LATER))
                .when(firingAgain)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(org.incidentplatform.events.AlertAttached.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void alertIntakeOpensAnIncidentWithItsFirstAlertsInOneCommandEachAlertOnce() {
        OpenIncident open = new OpenIncident(ID, "Failover IP unreachable", null, Severity.SEV2, List.of("api"), null,
                null, STARTED);
        fixture.givenNoPriorActivity()
                .when(new OpenIncidentWithAlerts(ID, open, List.of(attach("k1"), attach("k2"), attach("k1"))))
                .expectEvents(opened(), alertAttached("k1"), alertAttached("k2"))
                .expectState(incident -> assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED));
    }

    @Test
    void anIncidentOpenedWithAlertsTakesNoRedeliveredAttachOfThem() {
        OpenIncident open = new OpenIncident(ID, "Failover IP unreachable", null, Severity.SEV2, List.of("api"), null,
                null, STARTED);
        fixture.givenCommands(new OpenIncidentWithAlerts(ID, open, List.of(attach("k1"))))
                .when(attach("k1"))
                .expectNoEvents();
    }

    @Test
    void attachingAnAlertThatIsAlreadyFiringRecordsNothing() {
        fixture.given(opened(), alertAttached("k1"))
                .when(attach("k1"))
                .expectNoEvents();
    }

    @Test
    void alertsDoNotAttachToAResolvedIncident() {
        fixture.given(opened(), resolved())
                .when(attach("k1"))
                .expectException(IllegalTransitionException.class);
    }

    @Test
    void resolvingTheLastAlertWithAutoResolveResolvesTheIncidentAsTheIntegration() {
        fixture.given(opened(), alertAttached("k1"))
                .when(new ResolveAlert(ID, "k1", "int-1", "prod-am", true, LATER, LATER))
                .expectEvents(new org.incidentplatform.events.AlertResolved(ID, "k1", "int-1", true, LATER, LATER),
                        new IncidentResolved(ID, "All alerts resolved; resolved automatically by integration prod-am", LATER));
    }

    @Test
    void resolvingOneOfTwoFiringAlertsLeavesTheIncidentOpen() {
        fixture.given(opened(), alertAttached("k1"), alertAttached("k2"))
                .when(new ResolveAlert(ID, "k1", "int-1", "prod-am", true, LATER, LATER))
                .expectEvents(new org.incidentplatform.events.AlertResolved(ID, "k1", "int-1", false, LATER, LATER));
    }

    @Test
    void aSendersAcknowledgementOfAnAcknowledgedIncidentIsNotAnError() {
        fixture.given(opened(), new IncidentAcknowledged(ID, LATER))
                .when(new AcknowledgeFromAlert(ID, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
