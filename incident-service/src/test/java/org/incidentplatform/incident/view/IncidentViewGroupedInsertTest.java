package org.incidentplatform.incident.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The views of incidents opened by units of work that commit together go in with one insert; a
 * view that exists already (the relay was first) is not overwritten but brought up to date.
 */
@IncidentServiceTest
class IncidentViewGroupedInsertTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    @Autowired
    private IncidentViewCatchUp catchUp;

    @Autowired
    private IncidentViewRepository views;

    @Test
    void openedIncidentsAreInsertedTogetherAndAViewThatExistsIsCaughtUpInstead() {
        String first = UUID.randomUUID().toString();
        String relayedFirst = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        // The relay wrote this incident's opening already.
        catchUp.relay(List.of(event(relayedFirst, 0, opened(relayedFirst, "Written by the relay"))));

        List<DomainEventMessage<?>> committed = new ArrayList<>();
        committed.add(event(first, 0, opened(first, "Disk full on db-1")));
        committed.add(event(relayedFirst, 0, opened(relayedFirst, "Written by the relay")));
        committed.add(event(relayedFirst, 1, new IncidentAcknowledged(relayedFirst, AT)));
        committed.add(event(third, 0, opened(third, "API latency")));
        catchUp.writeCommitted(committed);

        assertThat(views.find(first)).get().satisfies(view -> {
            assertThat(view.getTitle()).isEqualTo("Disk full on db-1");
            assertThat(view.getVersion()).isZero();
        });
        assertThat(views.find(third)).get().satisfies(view -> assertThat(view.getTitle()).isEqualTo("API latency"));
        assertThat(views.find(relayedFirst)).get().satisfies(view -> {
            assertThat(view.getStatus()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
            assertThat(view.getVersion()).isEqualTo(1);
        });
    }

    @Test
    void aRepeatedGroupChangesNothing() {
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> committed = List.of(event(id, 0, opened(id, "Once")),
                event(other, 0, opened(other, "Twice")));
        catchUp.writeCommitted(committed);
        catchUp.writeCommitted(committed);

        assertThat(views.find(id)).get().satisfies(view -> assertThat(view.getVersion()).isZero());
        assertThat(views.find(other)).get().satisfies(view -> assertThat(view.getTitle()).isEqualTo("Twice"));
    }

    private static IncidentOpened opened(String id, String title) {
        return new IncidentOpened(id, title, null, Severity.SEV2, List.of(), null, null, AT);
    }

    private static DomainEventMessage<?> event(String id, long sequence, IncidentEvent payload) {
        return new GenericDomainEventMessage<>("Incident", id, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), AT);
    }
}
