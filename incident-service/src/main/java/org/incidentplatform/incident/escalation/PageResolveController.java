package org.incidentplatform.incident.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.incident.lifecycle.IllegalTransitionException;
import org.incidentplatform.incident.lifecycle.IncidentCommand.ResolveIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommandSender;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Resolve link on a Teams card or in an e-mail: opening it shows a form asking what fixed the
 * incident, and sending the form resolves it, without logging in. Opening changes nothing (link
 * previews open links too). Signed, expiring, single-use like an acknowledge link; a link signed
 * for acknowledging cannot resolve.
 */
@RestController
@Tag(name = "Escalation policies")
class PageResolveController {

    private static final int LONGEST_RESOLUTION = 10_000;

    private final AcknowledgeLinks links;
    private final IncidentCommandSender commands;
    private final PeopleRepository people;

    PageResolveController(AcknowledgeLinks links, IncidentCommandSender commands, PeopleRepository people) {
        this.links = links;
        this.commands = commands;
        this.people = people;
    }

    @GetMapping(path = "/api/v1/pages/{token}/resolve", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A message's resolve link: a form asking what fixed the incident",
            description = "Public: the signed token is the credential. Opening it changes nothing.")
    ResponseEntity<String> form(@PathVariable @Size(max = 500) String token) {
        return switch (links.check(token, Instant.now(), PageLink.Action.RESOLVE)) {
            case AcknowledgeLinks.Invalid invalid -> LinkPages.page(HttpStatus.GONE, "Link not usable", invalid.why());
            case AcknowledgeLinks.AlreadyUsed used -> LinkPages.page(HttpStatus.GONE, "Link already used", LinkPages.usedText(used.first()));
            case AcknowledgeLinks.Valid valid -> LinkPages.page(HttpStatus.OK, "Resolve incident " + valid.link().incidentId(),
                    "Say what fixed it: the resolution goes into the incident's timeline and post-mortem.", FORM);
        };
    }

    @PostMapping(path = "/api/v1/pages/{token}/resolve", produces = MediaType.TEXT_HTML_VALUE,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Resolve the incident with the form's resolution",
            description = "Public: the signed token is the credential. Once per link: a second use answers 410 with when it was used.")
    ResponseEntity<String> resolve(@PathVariable @Size(max = 500) String token,
            @RequestParam(name = "resolution", required = false) String resolution) {
        Instant now = Instant.now();
        return switch (links.check(token, now, PageLink.Action.RESOLVE)) {
            case AcknowledgeLinks.Invalid invalid -> LinkPages.page(HttpStatus.GONE, "Link not usable", invalid.why());
            case AcknowledgeLinks.AlreadyUsed used -> LinkPages.page(HttpStatus.GONE, "Link already used", LinkPages.usedText(used.first()));
            case AcknowledgeLinks.Valid valid -> resolution == null || resolution.isBlank() || resolution.length() > LONGEST_RESOLUTION
                    ? LinkPages.page(HttpStatus.BAD_REQUEST, "Say what fixed it",
                            "The resolution must have between 1 and " + LONGEST_RESOLUTION + " characters; nothing changed.", FORM)
                    : use(valid.link(), resolution.strip(), now);
        };
    }

    private static final String FORM = "<form method=\"post\"><p><label for=\"resolution\">Resolution</label><br>"
            + "<textarea id=\"resolution\" name=\"resolution\" rows=\"5\" cols=\"60\" required maxlength=\""
            + LONGEST_RESOLUTION + "\"></textarea></p><button type=\"submit\">Resolve</button></form>";

    private ResponseEntity<String> use(PageLink link, String resolution, Instant now) {
        Optional<AcknowledgeLinks.Use> claimed = links.claim(link, now);
        if (claimed.isEmpty()) {
            return LinkPages.page(HttpStatus.GONE, "Link already used", links.firstUse(link.pageId()).map(LinkPages::usedText)
                    .orElse("This link was used a moment ago."));
        }
        Optional<Person> person = people.person(link.personId());
        String actor = person.map(p -> p.name() + " (" + p.id() + ") via resolve link").orElse("via " + link.personId() + " link");
        MetaData origin = MetaData.from(Map.of(RequestOrigin.ACTOR, actor, RequestOrigin.CORRELATION_ID, "link-" + link.pageId()));
        try {
            commands.send(new ResolveIncident(link.incidentId(), null, resolution, now), origin);
        } catch (IllegalTransitionException notOpen) {
            links.record(claimed.get(), "not resolved: " + notOpen.currentStatus().name().toLowerCase(java.util.Locale.ROOT));
            return LinkPages.page(HttpStatus.CONFLICT, "Nothing changed", "Incident " + link.incidentId() + " is already "
                    + notOpen.currentStatus().name().toLowerCase(java.util.Locale.ROOT) + ".");
        } catch (RuntimeException notStored) {
            links.unclaim(claimed.get());
            throw notStored;
        }
        links.record(claimed.get(), "resolved");
        return LinkPages.page(HttpStatus.OK, "Resolved", "Incident " + link.incidentId() + " is resolved: "
                + resolution);
    }
}
