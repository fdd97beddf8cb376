package org.incidentplatform.report.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentplatform.report.ReportClient.get;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.IncidentStory;
import org.incidentplatform.report.ReportServiceTest;
import org.incidentplatform.report.projection.ReportProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Incident text is data: it is escaped in HTML and neutralised in Markdown, wherever it appears. */
class HostileTextRenderingTest extends ReportServiceTest {

    private static final String TITLE = "<script>alert(1)</script>";
    private static final String NOTE = "<img src=x onerror=alert(1)>\n# Owned\n[click](javascript:alert(1))";
    private static final String OWNER = "\"><svg onload=alert(1)>";

    @Autowired
    private ReportProjection projection;

    @Autowired
    private IncidentEventReader reader;

    private String id;

    @BeforeEach
    void hostileIncident() {
        IncidentStory story = new IncidentStory();
        id = story.incidentId();
        Instant t = Instant.parse("2026-11-19T10:00:00Z");
        List.of(story.next(new IncidentOpened(id, TITLE, "**bold** | cell", Severity.SEV2, List.of("<b>api</b>"), OWNER, null, t)),
                        story.next(new NoteAdded(id, "n1", NOTE, Visibility.PUBLIC, t.plusSeconds(60))),
                        story.next(new ActionItemAdded(id, new ActionItem("ai-1", "![x](http://evil.example/x.png)", OWNER,
                                null, ActionItem.Category.PREVENTION, ActionItem.Term.SHORT, ActionItem.Status.OPEN, null),
                                t.plusSeconds(120))))
                .forEach(event -> projection.on(reader.read(event)));
    }

    @Test
    void hostileTextIsEscapedInTheHtmlPostmortem() {
        String html = get(http, "/api/v1/incidents/" + id + "/postmortem?format=html", null).getBody();

        assertThat(html).contains("<h1 id=\"title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&quot;&gt;&lt;svg onload=alert(1)&gt;")
                .doesNotContain("<script", "<img", "<svg", "<b>api")
                .doesNotContain("style=");
    }

    @Test
    void hostileTextIsNeutralisedInTheMarkdownPostmortem() {
        String markdown = get(http, "/api/v1/incidents/" + id + "/postmortem?format=markdown", null).getBody();

        assertThat(markdown).contains("# Post-mortem: \\<script\\>alert\\(1\\)\\</script\\>")
                .contains("\\[click\\]\\(javascript\\:alert\\(1\\)\\)")
                .contains("\\!\\[x\\]\\(http\\://evil\\.example/x\\.png\\)")
                .contains("\\*\\*bold\\*\\* \\| cell")
                .doesNotContain("](javascript", "![")
                .as("every < is backslash-escaped, so no raw HTML element can start")
                .doesNotContainPattern("(?<!\\\\)<")
                .doesNotContainPattern("(?m)^# Owned");
    }
}
