package org.incidentplatform.incident.escalation;

import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.pagelinks.PageLink;
import org.incidentplatform.pagelinks.PageLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Checks action links (acknowledge, resolve) and makes each single-use: the first use inserts a record keyed by the
 * page id (a unique key, so two clicks at once cannot both pass), later uses find it.
 */
@Component
class AcknowledgeLinks {

    private final Optional<PageLinks> links;
    private final MongoTemplate mongo;

    AcknowledgeLinks(@Value("${incidents.paging.link-secret:}") String secret, MongoTemplate mongo) {
        this.links = secret.isBlank() ? Optional.empty() : Optional.of(new PageLinks(secret));
        this.mongo = mongo;
    }

    /** One use of a link, kept so that a second use can say when the first was. */
    @Document("used_page_links")
    record Use(@Id String pageId, String incidentId, String personId, Instant usedAt, String outcome) {
    }

    sealed interface Check {
    }

    record Valid(PageLink link) implements Check {
    }

    record Invalid(String why) implements Check {
    }

    record AlreadyUsed(Use first) implements Check {
    }

    /** @param action what the caller is about to do; a link for another action is not usable for it */
    Check check(String token, Instant now, PageLink.Action action) {
        if (links.isEmpty()) {
            return new Invalid("Acknowledge links are not enabled on this installation (PAGE_LINK_SECRET is not set).");
        }
        Optional<PageLink> link = links.get().verify(token);
        if (link.isEmpty()) {
            return new Invalid("This link is not one we sent, or it was changed.");
        }
        if (link.get().action() != action) {
            return new Invalid("This link is for " + verb(link.get().action()) + " incident " + link.get().incidentId()
                    + ", not for " + verb(action) + " it.");
        }
        if (!now.isBefore(link.get().expiresAt())) {
            return new Invalid("This link expired at " + link.get().expiresAt() + ". Use the incident's page or chat instead.");
        }
        Use used = mongo.findById(link.get().pageId(), Use.class);
        return used != null ? new AlreadyUsed(used) : new Valid(link.get());
    }

    private static String verb(PageLink.Action action) {
        return action == PageLink.Action.RESOLVE ? "resolving" : "acknowledging";
    }

    /** Claims the link's single use; empty when it was used first by someone else. */
    Optional<Use> claim(PageLink link, Instant now) {
        Use use = new Use(link.pageId(), link.incidentId(), link.personId(), now, "pending");
        try {
            mongo.insert(use);
            return Optional.of(use);
        } catch (DuplicateKeyException usedFirst) {
            return Optional.empty();
        }
    }

    void record(Use use, String outcome) {
        mongo.save(new Use(use.pageId(), use.incidentId(), use.personId(), use.usedAt(), outcome));
    }

    /** Gives the use back when the acknowledgement could not be stored, so the link can be tried again. */
    void unclaim(Use use) {
        mongo.remove(use);
    }

    Optional<Use> firstUse(String pageId) {
        return Optional.ofNullable(mongo.findById(pageId, Use.class));
    }
}
