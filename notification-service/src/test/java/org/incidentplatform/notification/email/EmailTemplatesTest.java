package org.incidentplatform.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.channel.Update;
import org.incidentplatform.notification.paging.ActionLinks;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates();

    @Test
    void peoplesWordsAreEscapedInTheHtmlAndKeptAsTheyAreInPlainText() {
        var incident = new IncidentSnapshot("inc-1", "<script>alert(1)</script>", "a & b", "SEV1", "TRIGGERED",
                List.of("api"), null, "http://t/inc-1", "http://p/inc-1");
        var update = new Update("d", "e", "t", 0, "Note: <img src=x onerror=alert(2)>", Instant.now(), null, null);
        var dispatch = new Dispatch("oncall", incident, List.of(update), false);

        assertThat(templates.html(dispatch, ActionLinks.NONE)).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "a &amp; b",
                "&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<script>", "<img");
        assertThat(templates.text(dispatch, ActionLinks.NONE)).contains("<script>alert(1)</script>", "a & b");
    }

    @Test
    void aMailCarriesTheActionLinksItIsGivenAndNoneWhenItHasNone() {
        var incident = new IncidentSnapshot("inc-1", "Disk full", null, "SEV2", "TRIGGERED", List.of(), null,
                "http://t/inc-1", "http://p/inc-1");
        var update = new Update("d", "e", "t", 0, "Incident opened", Instant.now(), null, null);
        var dispatch = new Dispatch("oncall", incident, List.of(update), false);
        String ack = "http://incidents.example/api/v1/pages/abc.def/acknowledge";
        String resolve = "http://incidents.example/api/v1/pages/ghi.jkl/resolve";
        var links = new ActionLinks(Optional.of(ack), Optional.of(resolve));

        assertThat(templates.html(dispatch, links)).contains("<a href=\"" + ack + "\"><strong>Acknowledge</strong></a>",
                "<a href=\"" + resolve + "\"><strong>Resolve</strong></a>");
        assertThat(templates.text(dispatch, links)).contains("Acknowledge (stops the paging; the link works once): " + ack,
                "Resolve (asks what fixed it; the link works once): " + resolve);
        assertThat(templates.html(dispatch, ActionLinks.NONE)).doesNotContain("Acknowledge", "Resolve", "{{");
        assertThat(templates.text(dispatch, ActionLinks.NONE)).doesNotContain("Acknowledge", "Resolve", "{{");
    }
}
