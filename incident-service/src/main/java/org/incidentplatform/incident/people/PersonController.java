package org.incidentplatform.incident.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.incidentplatform.incident.web.AlreadyExists;
import org.incidentplatform.incident.web.ChangedSinceRead;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** People who can be paged. Reading needs incidents:read; changes need oncall:admin. */
@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "Who can be paged, how, and when each way is used")
class PersonController {

    private final PeopleRepository people;

    PersonController(PeopleRepository people) {
        this.people = people;
    }

    @Schema(example = "{\"people\": [{\"id\": \"per-3f1b2c4d5e6f\", \"name\": \"Ada Lovelace\", \"active\": true}]}")
    record PersonList(List<PersonView> people) {
    }

    @PostMapping
    @Operation(summary = "Add a person")
    ResponseEntity<PersonView> create(@Valid @RequestBody PersonRequest request, HttpServletRequest http) {
        request.validate();
        Instant now = Instant.now();
        Person person = new Person(RosterIds.next("per"), request.name(), request.email(), request.timeZone(),
                request.contactMethods(), request.notificationRules(), true, RosterIds.calendarToken(), 1, now, now);
        try {
            people.insert(person, Actors.of(http));
        } catch (DuplicateKeyException taken) {
            throw conflict("Person exists", "A person with the e-mail address '" + request.email() + "' already exists.");
        }
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id()))
                .eTag(ETags.of(person.version())).body(PersonView.of(person));
    }

    @GetMapping
    @Operation(summary = "List people", description = "By name, at most 1,000.")
    PersonList list() {
        return new PersonList(people.people().stream().map(PersonView::of).toList());
    }

    @GetMapping("/{personId}")
    @Operation(summary = "Get a person")
    ResponseEntity<PersonView> get(@PathVariable @Size(max = 40) String personId) {
        Person person = find(personId);
        return ResponseEntity.ok().eTag(ETags.of(person.version())).body(PersonView.of(person));
    }

    @PutMapping("/{personId}")
    @Operation(summary = "Replace a person's details, contact methods and notification rules",
            description = "Send If-Match with the ETag you read to refuse the change (412) if someone changed the person since.")
    ResponseEntity<PersonView> replace(@PathVariable @Size(max = 40) String personId,
            @Valid @RequestBody PersonRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        request.validate();
        Person current = current(personId, ifMatch);
        Person changed = new Person(current.id(), request.name(), request.email(), request.timeZone(),
                request.contactMethods(), request.notificationRules(), current.active(), current.calendarToken(),
                current.version() + 1, current.createdAt(), Instant.now());
        try {
            write(current, changed, Actors.of(http), "UPDATED");
        } catch (DuplicateKeyException taken) {
            throw conflict("Person exists", "A person with the e-mail address '" + request.email() + "' already exists.");
        }
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(PersonView.of(changed));
    }

    @PostMapping("/{personId}/deactivate")
    @Operation(summary = "Deactivate a person", description = "They are paged no more but stay in history. Idempotent.")
    ResponseEntity<PersonView> deactivate(@PathVariable @Size(max = 40) String personId, HttpServletRequest http) {
        Person current = find(personId);
        if (!current.active()) {
            return ResponseEntity.ok().eTag(ETags.of(current.version())).body(PersonView.of(current));
        }
        Person changed = new Person(current.id(), current.name(), current.email(), current.timeZone(),
                current.contactMethods(), current.notificationRules(), false, current.calendarToken(),
                current.version() + 1, current.createdAt(), Instant.now());
        write(current, changed, Actors.of(http), "DEACTIVATED");
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(PersonView.of(changed));
    }

    @GetMapping("/{personId}/changes")
    @Operation(summary = "Who changed a person, when, and what it was before and after", description = "Newest first.")
    RosterChanges changes(@PathVariable @Size(max = 40) String personId) {
        find(personId);
        return RosterChanges.of(people.changes(personId));
    }

    private Person current(String personId, String ifMatch) {
        Person current = find(personId);
        ChangedSinceRead.check(ifMatch, current.version());
        return current;
    }

    private void write(Person current, Person changed, String actor, String action) {
        if (!people.replace(current, changed, actor, action)) {
            throw ChangedSinceRead.now(current.version());
        }
    }

    private Person find(String personId) {
        return people.person(personId).orElseThrow(() -> NotFound.of("Person not found",
                "No person has the id '" + personId + "'."));
    }

    static ErrorResponseException conflict(String title, String detail) {
        return AlreadyExists.of(title, detail, null);
    }
}
