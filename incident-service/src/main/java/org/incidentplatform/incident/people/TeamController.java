package org.incidentplatform.incident.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentplatform.incident.web.ChangedSinceRead;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.InvalidRequestException;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Teams of people. Reading needs incidents:read; changes need oncall:admin. */
@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Groups of people, paged together by an escalation step")
class TeamController {

    private final PeopleRepository people;

    TeamController(PeopleRepository people) {
        this.people = people;
    }

    @Schema(example = "{\"name\": \"database\", \"description\": \"PostgreSQL and MongoDB owners\", \"memberIds\": [\"per-3f1b2c4d5e6f\"]}")
    record TeamRequest(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description,
            @NotNull @Size(max = 200) List<@NotBlank @Size(max = 40) String> memberIds) {
    }

    @Schema(example = "{\"teams\": [{\"id\": \"team-3f1b2c4d5e6f\", \"name\": \"database\", \"memberIds\": [\"per-3f1b2c4d5e6f\"]}]}")
    record TeamList(List<Team> teams) {
    }

    @PostMapping
    @Operation(summary = "Create a team")
    ResponseEntity<Team> create(@Valid @RequestBody TeamRequest request, HttpServletRequest http) {
        Instant now = Instant.now();
        Team team = new Team(RosterIds.next("team"), request.name(), request.description(), members(request), 1, now, now);
        try {
            people.insert(team, Actors.of(http));
        } catch (DuplicateKeyException taken) {
            throw PersonController.conflict("Team exists", "A team named '" + request.name() + "' already exists.");
        }
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).eTag(ETags.of(team.version())).body(team);
    }

    @GetMapping
    @Operation(summary = "List teams", description = "By name, at most 1,000.")
    TeamList list() {
        return new TeamList(people.teams());
    }

    @GetMapping("/{teamId}")
    @Operation(summary = "Get a team")
    ResponseEntity<Team> get(@PathVariable @Size(max = 40) String teamId) {
        Team team = find(teamId);
        return ResponseEntity.ok().eTag(ETags.of(team.version())).body(team);
    }

    @PutMapping("/{teamId}")
    @Operation(summary = "Replace a team's name, description and members", description = "If-Match as for people.")
    ResponseEntity<Team> replace(@PathVariable @Size(max = 40) String teamId, @Valid @RequestBody TeamRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        Team current = current(teamId, ifMatch);
        Team changed = new Team(current.id(), request.name(), request.description(), members(request),
                current.version() + 1, current.createdAt(), Instant.now());
        try {
            if (!people.replace(current, changed, Actors.of(http), "UPDATED")) {
                throw ChangedSinceRead.now(current.version());
            }
        } catch (DuplicateKeyException taken) {
            throw PersonController.conflict("Team exists", "A team named '" + request.name() + "' already exists.");
        }
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @DeleteMapping("/{teamId}")
    @Operation(summary = "Delete a team", description = "Its change log stays.")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 40) String teamId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        Team current = current(teamId, ifMatch);
        if (!people.delete(current, Actors.of(http))) {
            throw ChangedSinceRead.now(current.version());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{teamId}/changes")
    @Operation(summary = "Who changed a team, when, and what it was before and after", description = "Newest first.")
    RosterChanges changes(@PathVariable @Size(max = 40) String teamId) {
        return RosterChanges.of(people.changes(teamId));
    }

    /** Members must be known people; repeats are dropped, order kept. */
    private List<String> members(TeamRequest request) {
        Set<String> unique = new LinkedHashSet<>(request.memberIds());
        var known = people.people(unique);
        for (String id : unique) {
            if (!known.containsKey(id)) {
                throw new InvalidRequestException("memberIds names '" + id + "', which is not a person");
            }
        }
        return List.copyOf(unique);
    }

    private Team current(String teamId, String ifMatch) {
        Team current = find(teamId);
        ChangedSinceRead.check(ifMatch, current.version());
        return current;
    }

    private Team find(String teamId) {
        return people.team(teamId).orElseThrow(() -> NotFound.of("Team not found", "No team has the id '" + teamId + "'."));
    }
}
