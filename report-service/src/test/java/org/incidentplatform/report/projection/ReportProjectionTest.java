package org.incidentplatform.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.consuming.testing.TestEvent;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.PostmortemUpdated;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Topics;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/** The projection fed directly, without Kafka in between, against the real MongoDB driver. */
class ReportProjectionTest extends ReportServiceTest {

    @Autowired
    private IncidentEventsListener listener;

    @Autowired
    private IncidentEventReader reader;

    @Autowired
    private ReportProjection projection;

    @Autowired
    private ReportEvents reportEvents;

    @Autowired
    private MongoOperations mongo;

    @Test
    void everyPublishedSampleIsAppliedToItsIncidentsReport() {
        List<ReceivedEvent> samples = EventTypes.all().stream().map(EventSamples::json).map(reader::read)
                .sorted(Comparator.comparingLong(ReceivedEvent::incidentSequence)).toList();
        for (ReceivedEvent sample : samples) {
            listener.on(List.of(new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 0, "key", EventSamples.json(sample.type()))));
        }

        IncidentReport report = projection.reportOf(samples.getFirst().incidentId()).orElseThrow();
        assertThat(report.lastAppliedSequence()).isEqualTo(org.incidentplatform.events.EventTypes.all().size() - 1);
        assertThat(reportEvents.of(report.incidentId())).extracting(LoggedEvent::type).containsExactlyElementsOf(
                samples.stream().map(ReceivedEvent::type).filter(type -> !type.contains(".alert-")).toList());
        assertThat(report.alerts().attached()).isEqualTo(1);
        assertThat(report.sections().lessons()).containsExactly("Test failover quarterly");
    }

    @Test
    void anOpeningIsRecordedAsTheFirstAppliedSequence() {
        TestEvent opened = TestEvent.opened().withData("title", "Failover IP died");

        projection.on(reader.read(opened.json()));

        IncidentReport report = projection.reportOf(opened.incidentId()).orElseThrow();
        assertThat(report.lastAppliedSequence()).isZero();
        assertThat(report.title()).isEqualTo("Failover IP died");
        assertThat(report.summary()).isEqualTo(opened.dataField("summary"));
    }

    @Test
    void aSecondEventAtAnAppliedSequenceChangesNothing() {
        TestEvent first = TestEvent.opened().withData("title", "Failover IP died");
        TestEvent second = first.withFreshId().withData("title", "Something else entirely");

        projection.on(reader.read(first.json()));
        projection.on(reader.read(second.json()));

        assertThat(projection.reportOf(first.incidentId()).orElseThrow().title()).isEqualTo("Failover IP died");
    }

    @Test
    void concurrentWritersOfTheSameEventsCannotInterleave() throws Exception {
        IncidentStory story = new IncidentStory();
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        List<ReceivedEvent> events = new ArrayList<>();
        events.add(reader.read(story.next(new IncidentOpened("x", "Concurrent", null, Severity.SEV3, List.of(), null, null, t))));
        for (int i = 1; i <= 20; i++) {
            events.add(reader.read(story.next(new NoteAdded("x", "n" + i, "note " + i, Visibility.INTERNAL, t.plusSeconds(i)))));
        }
        Callable<Void> writer = () -> {
            events.forEach(projection::on);
            return null;
        };

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (var done : pool.invokeAll(List.of(writer, writer, writer, writer))) {
                done.get();
            }
        }

        IncidentReport report = projection.reportOf(story.incidentId()).orElseThrow();
        assertThat(report.lastAppliedSequence()).isEqualTo(20);
        assertThat(reportEvents.of(story.incidentId())).extracting(LoggedEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, 20).boxed().toList());
        assertThat(report.updates()).hasSize(20);
        assertThat(report.missingSequences()).isEmpty();
    }

    /**
     * The listener applies a poll's events with {@link ReportProjection#onAll}: the same events,
     * one at a time for one incident and in batches (the second overlapping the first, as a
     * redelivery after a rebalance does) for another, give the same report and event log.
     */
    @Test
    void aBatchOfEventsGivesTheReportThatOneEventAtATimeGives() {
        IncidentStory single = new IncidentStory();
        IncidentStory batched = new IncidentStory();
        List<ReceivedEvent> one = storyOf(single);
        List<ReceivedEvent> many = storyOf(batched);

        one.forEach(projection::on);
        projection.onAll(many.subList(0, 30));
        projection.onAll(many.subList(25, many.size()));

        IncidentReport expected = projection.reportOf(single.incidentId()).orElseThrow();
        IncidentReport actual = projection.reportOf(batched.incidentId()).orElseThrow();
        assertThat(actual.lastAppliedSequence()).isEqualTo(expected.lastAppliedSequence()).isEqualTo(many.size() - 1);
        assertThat(actual.title()).isEqualTo(expected.title());
        assertThat(actual.alerts().attached()).isEqualTo(expected.alerts().attached()).isEqualTo(40);
        assertThat(actual.updates()).hasSameSizeAs(expected.updates()).hasSize(10);
        assertThat(actual.missingSequences()).isEmpty();
        assertThat(reportEvents.of(batched.incidentId())).extracting(LoggedEvent::sequence)
                .containsExactlyElementsOf(reportEvents.of(single.incidentId()).stream().map(LoggedEvent::sequence).toList());
    }

    private List<ReceivedEvent> storyOf(IncidentStory story) {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        List<ReceivedEvent> events = new ArrayList<>();
        events.add(reader.read(story.next(new IncidentOpened("x", "Batched", null, Severity.SEV2, List.of(), null, null, t))));
        for (int i = 0; i < 40; i++) {
            events.add(reader.read(story.next(new AlertAttached("x", "am/" + i, "int-1", "prod-alertmanager",
                    "alertmanager", "fp" + i, "Host down", "critical", Map.of("alertname", "HostDown"), Map.of(),
                    List.of(), t, null, t.plusMillis(i)))));
            if (i % 4 == 0) {
                events.add(reader.read(story.next(new NoteAdded("x", "n" + i, "note " + i, Visibility.INTERNAL,
                        t.plusSeconds(i)))));
            }
        }
        return events;
    }

    /**
     * A storm's alerts and dozens of large post-mortem edits: the report document stays small
     * (it once embedded every event and reached MongoDB's 16 MB limit), while the alerts are
     * counted and every edit is still kept for the timeline.
     */
    @Test
    void theReportDocumentDoesNotGrowWithItsIncidentsHistory() {
        IncidentStory story = new IncidentStory();
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        projection.on(reader.read(story.next(new IncidentOpened("x", "Storm", null, Severity.SEV1, List.of(), null, null, t))));
        for (int i = 0; i < 600; i++) {
            projection.on(reader.read(story.next(new AlertAttached("x", "am/" + i, "int-1", "prod-alertmanager",
                    "alertmanager", "fp" + i, "Host down", "critical",
                    Map.of("alertname", "HostDown", "instance", "host-" + i), Map.of(), List.of(), t, null,
                    t.plusMillis(i)))));
        }
        String largeText = "x".repeat(400_000);
        for (int i = 0; i < 20; i++) {
            projection.on(reader.read(story.next(new PostmortemUpdated("x", largeText + i, null, List.of(), List.of(),
                    List.of(), List.of(), t.plusSeconds(60 + i)))));
        }

        Document stored = mongo.getCollection("incident_reports").find(new Document("_id", story.incidentId())).first();
        int bytes = new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
        assertThat(bytes).as("one edit's text plus a fixed-size alert summary").isLessThan(500_000);
        IncidentReport report = projection.reportOf(story.incidentId()).orElseThrow();
        assertThat(report.lastAppliedSequence()).isEqualTo(620);
        assertThat(report.alerts().attached()).isEqualTo(600);
        assertThat(report.alerts().topLabels(1)).singleElement()
                .satisfies(top -> assertThat(top.value()).isEqualTo("HostDown"));
        assertThat(report.alerts().labelValuesNotCounted()).as("600 instances do not fit 200 slots").isPositive();
        assertThat(reportEvents.of(story.incidentId())).as("opening and every edit, no alerts").hasSize(21);
    }
}
