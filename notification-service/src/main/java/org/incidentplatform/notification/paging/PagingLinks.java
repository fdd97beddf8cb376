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

/** Acknowledge links for pages, signed with the secret shared with incident-service. */
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
        return links.map(signer -> base + "/api/v1/pages/" + signer.sign(link) + "/acknowledge");
    }

    /**
     * An Acknowledge link for a channel message (a Teams card, an e-mail) while the incident waits
     * for someone: signed, expiring, single-use like a page's, one per message. It names no person,
     * only the kind of message, so incident-service records it as acknowledged "via &lt;kind&gt; link".
     */
    public Optional<String> channelAcknowledgeUrl(Dispatch dispatch, String messageKind) {
        if (!IncidentStatus.TRIGGERED.name().equals(dispatch.incident().status())) {
            return Optional.empty();
        }
        String linkId = "card-" + HexFormat.of().formatHex(sha256(messageKind + ":" + dispatch.latest().deliveryId()))
                .substring(0, 24);
        return acknowledgeUrl(new PageLink(linkId, dispatch.incident().incidentId(), messageKind,
                Instant.now().plus(validity)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
