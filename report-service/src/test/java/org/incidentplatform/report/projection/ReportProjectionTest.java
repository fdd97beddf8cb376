package org.incidentplatform.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Topics;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projection fed directly, without Kafka in between, against the real MongoDB driver. */
class ReportProjectionTest extends ReportServiceTest {

    @Autowired
    private IncidentEventsListener listener;

    @Autowired
    private IncidentEventReader reader;

    @Autowired
    private ReportProjection projection;

    @Test
    void everyPublishedSampleIsAppliedToItsIncidentsReport() {
        List<ReceivedEvent> samples = EventTypes.all().stream().map(EventSamples::json).map(reader::read)
                .sorted(Comparator.comparingLong(ReceivedEvent::incidentSequence)).toList();
        for (ReceivedEvent sample : samples) {
            listener.on(new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 0, "key", EventSamples.json(sample.type())));
        }

        IncidentReport report = projection.reportOf(samples.getFirst().incidentId()).orElseThrow();
        assertThat(report.lastAppliedSequence()).isEqualTo(org.incidentplatform.events.EventTypes.all().size() - 1);
        assertThat(report.events()).extracting(LoggedEvent::type).containsExactlyElementsOf(
                samples.stream().map(ReceivedEvent::type).toList());
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
        assertThat(report.events()).extracting(LoggedEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, 20).boxed().toList());
        assertThat(report.updates()).hasSize(20);
        assertThat(report.missingSequences()).isEmpty();
    }
}
