package org.incidentplatform.notification.paging;

import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.channel.SafeText;
import org.incidentplatform.pagelinks.PageLink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page says, the same way on every channel: the incident, why this person is paged, and
 * the links to acknowledge it and to follow it. Text from the incident is reduced to one safe
 * line; each channel escapes it for its own format.
 *
 * @param acknowledgeUrl null when acknowledge links are off
 */
public record PageMessage(PersonPaged page, IncidentSnapshot incident, String title, String text,
        String acknowledgeUrl, String timelineUrl) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The page a dispatch carries: a paging delivery's update is the PersonPaged event. */
    public static PersonPaged pageOf(Dispatch dispatch) {
        JsonNode data = JSON.readTree(dispatch.latest().cloudEvent()).path("data");
        return JSON.treeToValue(data, PersonPaged.class);
    }

    static PageMessage of(Dispatch dispatch, PagingLinks links) {
        PersonPaged page = pageOf(dispatch);
        IncidentSnapshot incident = dispatch.incident();
        String title = "[" + incident.severityOrUnknown() + "] " + SafeText.oneLine(incident.headline());
        Optional<String> ack = links.acknowledgeUrl(new PageLink(page.pageId(), page.incidentId(), page.personId(),
                Instant.now().plus(links.validity())));
        String text = "You are paged for " + title + " (" + SafeText.oneLine(page.reason()) + ")."
                + ack.map(url -> " Acknowledge: " + url).orElse("")
                + (incident.timelineUrl() == null ? "" : " Timeline: " + incident.timelineUrl());
        return new PageMessage(page, incident, title, text, ack.orElse(null), incident.timelineUrl());
    }

    /** The contact of this channel's type and address, to know its delay. */
    Optional<PersonPaged.Contact> contact(String type, String address) {
        return page.contacts().stream().filter(c -> c.type().equals(type) && c.address().equals(address)).findFirst();
    }
}
