package org.incidentplatform.incident.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AcknowledgeFromPage;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.web.RequestOrigin;
import org.incidentplatform.pagelinks.PageLink;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The acknowledge link in a page: opening it shows a button, and the button acknowledges as the
 * paged person, without logging in. Opening does nothing by itself, because mail scanners and
 * chat previews open links too. Signed, expiring, single-use (see {@link AcknowledgeLinks}).
 */
@RestController
@Tag(name = "Escalation policies")
class PageAcknowledgeController {

    private final AcknowledgeLinks links;
    private final FreshDecisions decisions;
    private final PeopleRepository people;

    PageAcknowledgeController(AcknowledgeLinks links, FreshDecisions decisions, PeopleRepository people) {
        this.links = links;
        this.decisions = decisions;
        this.people = people;
    }

    @GetMapping(path = "/api/v1/pages/{token}/acknowledge", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The page's acknowledge link: a confirmation page with one button",
            description = "Public: the signed token is the credential. Opening it changes nothing.")
    ResponseEntity<String> confirm(@PathVariable @Size(max = 500) String token) {
        return switch (links.check(token, Instant.now(), PageLink.Action.ACKNOWLEDGE)) {
            case AcknowledgeLinks.Invalid invalid -> LinkPages.page(HttpStatus.GONE, "Link not usable", invalid.why());
            case AcknowledgeLinks.AlreadyUsed used -> LinkPages.page(HttpStatus.GONE, "Link already used", LinkPages.usedText(used.first()));
            case AcknowledgeLinks.Valid valid -> LinkPages.page(HttpStatus.OK, "Acknowledge incident " + valid.link().incidentId(),
                    "You were paged for incident " + valid.link().incidentId() + ". Acknowledging stops the escalation.",
                    "<form method=\"post\"><button type=\"submit\">Acknowledge</button></form>");
        };
    }

    @PostMapping(path = "/api/v1/pages/{token}/acknowledge", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Acknowledge the incident as the paged person",
            description = "Public: the signed token is the credential. Once per link: a second use answers 410 with when it was used.")
    ResponseEntity<String> acknowledge(@PathVariable @Size(max = 500) String token) {
        Instant now = Instant.now();
        return switch (links.check(token, now, PageLink.Action.ACKNOWLEDGE)) {
            case AcknowledgeLinks.Invalid invalid -> LinkPages.page(HttpStatus.GONE, "Link not usable", invalid.why());
            case AcknowledgeLinks.AlreadyUsed used -> LinkPages.page(HttpStatus.GONE, "Link already used", LinkPages.usedText(used.first()));
            case AcknowledgeLinks.Valid valid -> use(valid.link(), now);
        };
    }

    private ResponseEntity<String> use(PageLink link, Instant now) {
        Optional<AcknowledgeLinks.Use> claimed = links.claim(link, now);
        if (claimed.isEmpty()) {
            return LinkPages.page(HttpStatus.GONE, "Link already used", links.firstUse(link.pageId()).map(LinkPages::usedText)
                    .orElse("This link was used a moment ago."));
        }
        // A page's link names the paged person; a channel card's link (Teams) names no one.
        Optional<Person> person = people.person(link.personId());
        String name = person.map(Person::name).orElse("someone with the " + link.personId() + " link");
        String actor = person.map(p -> p.name() + " (" + p.id() + ") via page link").orElse("via " + link.personId() + " link");
        boolean acknowledged;
        try {
            acknowledged = decisions.acted(link.incidentId(), GenericCommandMessage.asCommandMessage(
                    new AcknowledgeFromPage(link.incidentId(), link.pageId(), now)).andMetaData(Map.of(
                    RequestOrigin.ACTOR, actor,
                    RequestOrigin.CORRELATION_ID, "page-" + link.pageId())));
        } catch (RuntimeException notStored) {
            links.unclaim(claimed.get());
            throw notStored;
        }
        String outcome = acknowledged ? "acknowledged" : "already answered";
        links.record(claimed.get(), outcome);
        return acknowledged
                ? LinkPages.page(HttpStatus.OK, "Acknowledged", "Incident " + link.incidentId() + " is acknowledged by " + name
                        + ". Nobody else will be paged for it.")
                : LinkPages.page(HttpStatus.OK, "Already answered", "Incident " + link.incidentId()
                        + " was already acknowledged or resolved; nothing changed.");
    }
}
