package org.incidentplatform.notification.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentplatform.events.PersonPaged;
import org.springframework.stereotype.Component;

/**
 * Which deliveries a page makes: one per contact of the paged person whose way of paging is
 * configured here, due at the page's time plus the contact's delay (or at once if that is past).
 */
@Component
public class PagePlans {

    private final Map<String, PageChannel> channels;

    PagePlans(List<PageChannel> channels) {
        this.channels = channels.stream().collect(Collectors.toMap(PageChannel::contactType, Function.identity()));
    }

    /** One planned page delivery: channel, the person's address, and when it is due. */
    public record Planned(String channel, String address, Instant dueAt) {
    }

    public List<Planned> of(PersonPaged page, Instant now) {
        List<Planned> planned = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PersonPaged.Contact contact : page.contacts()) {
            PageChannel channel = channels.get(contact.type());
            if (channel == null || !channel.enabled() || !seen.add(contact.type() + ":" + contact.address())) {
                continue;
            }
            Instant due = page.occurredAt().plus(Duration.ofMinutes(contact.afterMinutes()));
            planned.add(new Planned(channel.name(), contact.address(), due.isAfter(now) ? due : now));
        }
        return planned;
    }
}
