package org.incidentplatform.notification.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.notification.channel.Dispatch;
import java.time.Duration;
import java.util.Optional;
import org.incidentplatform.pagelinks.PageLink;
import org.incidentplatform.pagelinks.PageLinks;
import org.springframework.stereotype.Component;

/** Action links for pages and channel messages, signed with the secret shared with incident-service. */
@Component
public class PagingLinks {

    private final Optional<PageLinks> links;
    private final String base;
    private final Duration validity;

    PagingLinks(PagingProperties properties) {
        this.links = PagingProperties.present(properties.linkSecret())
                ? Optional.of(new PageLinks(properties.linkSecret())) : Optional.empty();
        this.base = properties.acknowledgeBaseUrl().replaceAll("/+$", "");
        this.validity = properties.linkValidity();
    }

    public Duration validity() {
        return validity;
    }

    public Optional<String> acknowledgeUrl(PageLink link) {
        return url(link);
    }

    private Optional<String> url(PageLink link) {
        String path = link.action() == PageLink.Action.RESOLVE ? "/resolve" : "/acknowledge";
        return links.map(signer -> base + "/api/v1/pages/" + signer.sign(link) + path);
    }

    /**
     * The action links for a channel message (a Teams card, an e-mail): Acknowledge while the
     * incident waits for someone, Resolve while it is open. Signed, expiring, single-use like a
     * page's, one of each per message. They name no person, only the kind of message, so
     * incident-service records the action as done "via &lt;kind&gt; link".
     */
    public ActionLinks channelActions(Dispatch dispatch, String messageKind) {
        String status = dispatch.incident().status();
        boolean open = !IncidentStatus.RESOLVED.name().equals(status) && !IncidentStatus.CLOSED.name().equals(status);
        return new ActionLinks(
                IncidentStatus.TRIGGERED.name().equals(status)
                        ? channelLink(dispatch, messageKind, PageLink.Action.ACKNOWLEDGE) : Optional.empty(),
                open ? channelLink(dispatch, messageKind, PageLink.Action.RESOLVE) : Optional.empty());
    }

    private Optional<String> channelLink(Dispatch dispatch, String messageKind, PageLink.Action action) {
        // The acknowledge link's id is unchanged from before resolve links existed.
        String seed = (action == PageLink.Action.ACKNOWLEDGE ? "" : action.name() + ":") + messageKind + ":"
                + dispatch.latest().deliveryId();
        String linkId = "card-" + HexFormat.of().formatHex(sha256(seed)).substring(0, 24);
        return url(new PageLink(linkId, dispatch.incident().incidentId(), messageKind, Instant.now().plus(validity), action));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
