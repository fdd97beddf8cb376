package org.incidentplatform.incident.schedules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.web.InvalidRequestException;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is, was or will be on call: answered from the schedule version in force at each instant. */
@RestController
@RequestMapping("/api/v1/schedules/{scheduleId}")
@Tag(name = "Schedules")
class OnCallController {

    /** How far around the asked instant the current shift's start and end are looked for. */
    static final Duration SHIFT_SEARCH = Duration.ofDays(35);
    static final Duration LONGEST_RANGE = Duration.ofDays(93);
    private final ScheduleRepository schedules;
    private final PeopleRepository people;

    OnCallController(ScheduleRepository schedules, PeopleRepository people) {
        this.schedules = schedules;
        this.people = people;
    }

    /** A person as an on-call answer names them. */
    record OnCallPerson(String id, String name, String email, boolean active) {
        static OnCallPerson of(String id, Map<String, Person> known) {
            Person p = known.get(id);
            return p == null ? new OnCallPerson(id, null, null, false) : new OnCallPerson(id, p.name(), p.email(), p.active());
        }
    }

    @Schema(example = """
            {"scheduleId": "sch-3f1b2c4d5e6f", "at": "2026-12-06T10:00:00Z", "scheduleVersion": 3,
             "onCall": [{"id": "per-3f1b2c4d5e6f", "name": "Ada Lovelace", "email": "ada@example.com", "active": true}],
             "source": "layer primary", "shiftStart": "2026-11-30T08:00:00Z", "shiftEnd": "2026-12-07T08:00:00Z"}""")
    record OnCallAnswer(String scheduleId, Instant at, Long scheduleVersion, List<OnCallPerson> onCall, String source,
            Instant shiftStart, Instant shiftEnd) {
    }

    @Schema(example = """
            {"scheduleId": "sch-3f1b2c4d5e6f", "from": "2026-12-01T00:00:00Z", "to": "2026-12-15T00:00:00Z",
             "shifts": [{"start": "2026-12-01T00:00:00Z", "end": "2026-12-07T08:00:00Z", "source": "layer primary",
                         "person": {"id": "per-3f1b2c4d5e6f", "name": "Ada Lovelace"}}]}""")
    record ShiftList(String scheduleId, Instant from, Instant to, List<ShiftView> shifts) {
    }

    record ShiftView(Instant start, Instant end, String source, OnCallPerson person) {
    }

    @GetMapping("/on-call")
    @Operation(summary = "Who is on call at an instant",
            description = "Past instants are answered from the schedule as it stood then, so later edits never change them. "
                    + "shiftStart and shiftEnd bound the person's stretch, when it lies within 35 days of the instant.")
    OnCallAnswer onCall(@PathVariable @Size(max = 40) String scheduleId,
            @Parameter(description = "ISO-8601 instant with offset; now when absent", example = "2026-12-24T20:00:00+01:00")
            @RequestParam(required = false) OffsetDateTime at) {
        Instant instant = at == null ? Instant.now() : at.toInstant();
        ScheduleHistory history = history(scheduleId, instant.minus(SHIFT_SEARCH), instant.plus(SHIFT_SEARCH));
        ScheduleVersion version = history.inForceAt(instant);
        ScheduleVersion.Assignment who = history.onCallAt(instant);
        if (who.personId() == null) {
            return new OnCallAnswer(scheduleId, instant, version == null ? null : version.version(), List.of(), null, null, null);
        }
        ScheduleHistory.Shift shift = history.shifts(instant.minus(SHIFT_SEARCH), instant.plus(SHIFT_SEARCH)).stream()
                .filter(s -> !s.start().isAfter(instant) && s.end().isAfter(instant)).findFirst().orElseThrow();
        Instant edgeBefore = instant.minus(SHIFT_SEARCH);
        Instant edgeAfter = instant.plus(SHIFT_SEARCH);
        return new OnCallAnswer(scheduleId, instant, version.version(),
                List.of(OnCallPerson.of(who.personId(), people.people(List.of(who.personId())))), who.source(),
                shift.start().equals(edgeBefore) ? null : shift.start(), shift.end().equals(edgeAfter) ? null : shift.end());
    }

    @GetMapping("/shifts")
    @Operation(summary = "Who is on call over a period", description = "At most 93 days; gaps with nobody on call are left out.")
    ShiftList shifts(@PathVariable @Size(max = 40) String scheduleId,
            @Parameter(example = "2026-12-01T00:00:00Z") @RequestParam OffsetDateTime from,
            @Parameter(example = "2026-12-15T00:00:00Z") @RequestParam OffsetDateTime to) {
        Instant start = from.toInstant();
        Instant end = to.toInstant();
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidRequestException("to must be after from, and at most 93 days after it");
        }
        List<ScheduleHistory.Shift> shifts = history(scheduleId, start, end).shifts(start, end);
        Set<String> ids = new HashSet<>();
        shifts.forEach(s -> ids.add(s.personId()));
        Map<String, Person> known = people.people(ids);
        return new ShiftList(scheduleId, start, end, shifts.stream()
                .map(s -> new ShiftView(s.start(), s.end(), s.source(), OnCallPerson.of(s.personId(), known))).toList());
    }

    private ScheduleHistory history(String scheduleId, Instant from, Instant to) {
        if (schedules.current(scheduleId).isEmpty()) {
            throw NotFound.of("Schedule not found", "No schedule has the id '" + scheduleId + "'.");
        }
        ScheduleHistory history = schedules.historyBetween(scheduleId, from, to);
        return history != null ? history : new ScheduleHistory(List.of());
    }
}
