package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.intake.AlertStreamEvents.AlertJoined;
import org.incidentplatform.incident.intake.AlertStreamEvents.OpenedIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AttachAlert;
import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncidentWithAlerts;
import org.incidentplatform.incident.web.RequestOrigin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * An alert that opens an incident opens it in the same step: when intake answers, the stream's
 * decision and the incident's first events are stored, with no relay pass or linker command in
 * between. When an append stopped half-way (the decision stored, the incident not, or not all of
 * it), the alert linker finds the incident incomplete and completes it.
 */
@IncidentServiceTest
class IncidentInOneStepTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    IntegrationRepository integrations;

    @Test
    void theIncidentIsStoredWithTheDecisionBeforeIntakeAnswers() {
        ApiClient admin = new ApiClient(port);
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String key = IntakeFixtures.createIntegration(admin, "EVENTS_V2", "{}");
        String dedupKey = "disk-" + service;

        var accepted = new ApiClient(port, null).send(HttpMethod.POST, "/v2/enqueue",
                IntakeFixtures.eventsV2(key, "trigger", dedupKey, service));
        assertThat(accepted.status()).isEqualTo(202);

        // Read at once, no waiting: both are in the store when the 202 is sent.
        Integration integration = integrations.findEnabledByKey(key).orElseThrow();
        String streamId = AlertIntake.streamIdOf(integration, signal(dedupKey, null));
        assertThat(payloads(streamId)).singleElement().isInstanceOfSatisfying(OpenedIncident.class, opened -> {
            assertThat(opened.attachedAtSequence()).isEqualTo(1L);
            assertThat(payloads(opened.incidentId())).satisfiesExactly(
                    e -> assertThat(e).isInstanceOf(IncidentOpened.class),
                    e -> assertThat(e).isInstanceOfSatisfying(AlertAttached.class,
                            a -> assertThat(a.alertKey()).isEqualTo(opened.alertKey())));
        });
    }

    @Test
    void aDecisionWhoseIncidentWasNotStoredIsOpenedByTheLinker() {
        String incidentId = UUID.randomUUID().toString();
        OpenedIncident opened = opened("stream-" + UUID.randomUUID(), incidentId, "fp-1");
        store(List.of(event("AlertStream", opened.streamId(), 0, opened)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(payloads(incidentId))
                .as("the incident, opened by the linker").satisfiesExactly(
                        e -> assertThat(e).isInstanceOf(IncidentOpened.class),
                        e -> assertThat(e).isInstanceOf(AlertAttached.class)));
    }

    @Test
    void anIncidentStoredWithoutItsLastAlertsGetsThemFromTheLinker() {
        String streamId = "stream-" + UUID.randomUUID();
        String incidentId = UUID.randomUUID().toString();
        OpenedIncident opened = opened(streamId, incidentId, "fp-1");
        AlertJoined joined = new AlertJoined(streamId, incidentId, "int-test", "test", "int-test:fp-2", 1,
                signal("fp-2"), opened.receivedAt(), 2L);
        // What an insert that stopped after the incident's first alert leaves: the joined alert's
        // AlertAttached (sequence 2) is missing.
        OpenIncidentWithAlerts open = IncidentOpenings.command(opened, List.of(joined));
        store(List.of(event("AlertStream", streamId, 0, opened), event("AlertStream", streamId, 1, joined),
                event("Incident", incidentId, 0, openedEvent(open)),
                event("Incident", incidentId, 1, attachedEvent(open.alerts().getFirst()))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(payloads(incidentId))
                .filteredOn(AlertAttached.class::isInstance).map(e -> ((AlertAttached) e).alertKey())
                .as("alerts attached").containsExactlyInAnyOrder("int-test:fp-1", "int-test:fp-2"));
    }

    private List<Object> payloads(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private void store(List<DomainEventMessage<?>> events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(events));
    }

    private static DomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                MetaData.with(RequestOrigin.ACTOR, "integration:test"));
    }

    private static AlertSignal signal(String fingerprint) {
        return signal(fingerprint, "group-1");
    }

    private static AlertSignal signal(String fingerprint, String groupKey) {
        return new AlertSignal(AlertSignal.Action.TRIGGER, fingerprint, groupKey, "Disk full", "critical",
                Map.of("alertname", "DiskFull"), Map.of(), List.of(), Instant.now(), null, "alertmanager");
    }

    private static OpenedIncident opened(String streamId, String incidentId, String fingerprint) {
        return new OpenedIncident(streamId, incidentId, null, "int-test", "test", Severity.SEV2, List.of("disk"),
                "int-test:" + fingerprint, 1, signal(fingerprint), Instant.now(), 1L);
    }

    private static IncidentOpened openedEvent(OpenIncidentWithAlerts c) {
        var o = c.open();
        return new IncidentOpened(o.incidentId(), o.title(), o.summary(), o.severity(), o.services(), o.commander(),
                o.detectedAt(), o.occurredAt());
    }

    private static AlertAttached attachedEvent(AttachAlert c) {
        return new AlertAttached(c.incidentId(), c.alertKey(), c.integrationId(), c.integrationName(), c.source(),
                c.dedupKey(), c.summary(), c.alertSeverity(), c.labels(), c.annotations(), c.links(), c.startedAt(),
                c.previousIncidentId(), c.occurredAt());
    }
}
