package org.incidentplatform.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.channel.Update;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates();

    @Test
    void peoplesWordsAreEscapedInTheHtmlAndKeptAsTheyAreInPlainText() {
        var incident = new IncidentSnapshot("inc-1", "<script>alert(1)</script>", "a & b", "SEV1", "TRIGGERED",
                List.of("api"), null, "http://t/inc-1", "http://p/inc-1");
        var update = new Update("d", "e", "t", 0, "Note: <img src=x onerror=alert(2)>", Instant.now(), null, null);
        var dispatch = new Dispatch("oncall", incident, List.of(update), false);

        assertThat(templates.html(dispatch, Optional.empty())).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a &amp; b",
                "&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<script>", "<img");
        assertThat(templates.text(dispatch, Optional.empty())).contains("<script>alert(1)</script>", "a & b");
    }

    @Test
    void aTriggeredIncidentsMailCarriesItsAcknowledgeLinkAndAnAnsweredOnesNone() {
        var incident = new IncidentSnapshot("inc-1", "Disk full", null, "SEV2", "TRIGGERED", List.of(), null,
                "http://t/inc-1", "http://p/inc-1");
        var update = new Update("d", "e", "t", 0, "Incident opened", Instant.now(), null, null);
        var dispatch = new Dispatch("oncall", incident, List.of(update), false);
        String link = "http://incidents.example/api/v1/pages/abc.def/acknowledge";

        assertThat(templates.html(dispatch, Optional.of(link))).contains("<a href=\"" + link + "\"><strong>Acknowledge</strong></a>");
        assertThat(templates.text(dispatch, Optional.of(link))).contains("Acknowledge (stops the paging; the link works once): " + link);
        assertThat(templates.html(dispatch, Optional.empty())).doesNotContain("Acknowledge", "{{");
        assertThat(templates.text(dispatch, Optional.empty())).doesNotContain("Acknowledge", "{{");
    }
}
