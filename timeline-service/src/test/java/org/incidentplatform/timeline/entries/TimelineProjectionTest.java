package org.incidentplatform.timeline.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Topics;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.timeline.TimelineClient;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The projection fed directly, without Kafka in between. */
class TimelineProjectionTest extends TimelineServiceTest {

    @Autowired
    private IncidentEventsListener listener;

    @Autowired
    private IncidentEventReader reader;

    @Autowired
    private TimelineProjection projection;

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void everyPublishedSampleBecomesATimelineEntry() {
        for (String type : EventTypes.all()) {
            String sample = EventSamples.json(type);

            listener.on(List.of(new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 0, "key", sample)));

            JsonNode envelope = JsonMapper.builder().build().readTree(sample);
            assertThat(projection.timelineOf(envelope.path("subject").asString()))
                    .as("timeline after the %s sample", type)
                    .extracting(TimelineEntry::eventId)
                    .contains(envelope.path("id").asString());
        }
    }

    @Test
    void entriesAreOrderedByWhenTheyHappenedThenBySequence() {
        TestEvent opened = TestEvent.opened();
        TestEvent late = opened.withSequence(0).withData("occurredAt", "2026-11-21T10:05:00Z");
        TestEvent backDatedSecond = opened.withFreshId().withSequence(1).withData("occurredAt", "2026-11-21T10:00:00Z");
        TestEvent backDatedThird = opened.withFreshId().withSequence(2).withData("occurredAt", "2026-11-21T10:00:00Z");

        for (TestEvent event : List.of(late, backDatedThird, backDatedSecond)) {
            projection.record(TimelineEntries.from(reader.read(event.json())), true);
        }

        JsonNode entries = TimelineClient.entries(http, opened.incidentId());
        assertThat(entries.valueStream().map(e -> e.path("eventId").asString()))
                .containsExactly(backDatedSecond.id(), backDatedThird.id(), late.id());
    }

    @Test
    void anEventOfAnUnknownTypeLeavesNoEntry() {
        TestEvent unknown = TestEvent.opened().withType("org.incidentplatform.incident.not-yet-invented.v1");

        listener.on(List.of(new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 0, unknown.incidentId(), unknown.json())));

        assertThat(projection.timelineOf(unknown.incidentId())).isEmpty();
    }

    /**
     * A poll's events are recorded in one bulk write: an event twice in the batch, or again in a
     * later one (a redelivery), is one entry, announced to live subscribers once.
     */
    @Test
    void aBatchRecordsEachEventOnceAndAnnouncesEachNewLiveEntryOnce() {
        TestEvent first = TestEvent.opened();
        TestEvent second = first.withFreshId().withSequence(1);
        TimelineEntry a = TimelineEntries.from(reader.read(first.json()));
        TimelineEntry b = TimelineEntries.from(reader.read(second.json()));
        List<EntryRecorded> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<Object>> listening = ApplicationListener.forPayload(payload -> {
            if (payload instanceof EntryRecorded recorded && recorded.entry().incidentId().equals(first.incidentId())) {
                announced.add(recorded);
            }
        });
        context.addApplicationListener(listening);
        try {
            projection.recordAll(List.of(a, b, a), List.of(true, true, true));
            projection.recordAll(List.of(b), List.of(true));
        } finally {
            context.removeApplicationListener(listening);
        }

        assertThat(projection.timelineOf(first.incidentId())).extracting(TimelineEntry::eventId)
                .containsExactly(first.id(), second.id());
        assertThat(announced).extracting(recorded -> recorded.entry().eventId())
                .containsExactly(first.id(), second.id());
    }
}
