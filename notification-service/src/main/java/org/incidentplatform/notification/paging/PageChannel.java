package org.incidentplatform.notification.paging;

import java.util.Set;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.SendResult;

/**
 * A way of paging a person ({@code page-email}, {@code page-sms}, ...): the target is the person's
 * own address, copied into the page. One page per send (pages are never coalesced). A contact with
 * a delay that comes due after the incident was acknowledged or resolved is cancelled, not sent:
 * that is what "SMS after 2 minutes" means.
 */
public abstract class PageChannel implements NotificationChannel {

    private final PagingLinks links;

    protected PageChannel(PagingLinks links) {
        this.links = links;
    }

    /** The contact type this channel serves: EMAIL, SLACK, SMS, VOICE or NTFY. */
    public abstract String contactType();

    /** Whether this way of paging is configured in this deployment. */
    public abstract boolean enabled();

    /** Sends the page to one address; throws {@code DeliveryFailure} when the provider refuses. */
    protected abstract int deliver(String address, PageMessage message);

    @Override
    public String name() {
        return nameFor(contactType());
    }

    public static String nameFor(String contactType) {
        return "page-" + contactType.toLowerCase(java.util.Locale.ROOT);
    }

    /** No rule routes to people's addresses: pages are planned from the page itself. */
    @Override
    public Set<String> targets() {
        return Set.of();
    }

    @Override
    public boolean accepts(String target) {
        return enabled() && target != null && !target.isBlank();
    }

    @Override
    public SendResult send(Dispatch dispatch) {
        PageMessage message = PageMessage.of(dispatch, links);
        int delay = message.contact(contactType(), dispatch.target()).map(c -> c.afterMinutes()).orElse(0);
        String status = dispatch.incident().status();
        if (delay > 0 && status != null && !IncidentStatus.TRIGGERED.name().equals(status)) {
            return SendResult.cancelled("the incident was " + status.toLowerCase(java.util.Locale.ROOT)
                    + " before this " + delay + "-minute contact was due", dispatch);
        }
        return SendResult.all(deliver(dispatch.target(), message), dispatch);
    }
}
