package org.incidentplatform.notification.paging;

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
}
