package org.incidentplatform.incident.schedules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar feeds of shifts, per schedule and per person, for calendar apps to subscribe to.
 * Calendar apps cannot send an API key, so the unguessable token in the address is the
 * credential (shown by the schedule's and person's GET as {@code calendarPath}); the path is public.
 */
@RestController
@Tag(name = "Schedules")
class CalendarController {

    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(90);
    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);
    private final ScheduleRepository schedules;
    private final PeopleRepository people;

    CalendarController(ScheduleRepository schedules, PeopleRepository people) {
        this.schedules = schedules;
        this.people = people;
    }

    @GetMapping(path = "/api/v1/calendars/{token}.ics", produces = "text/calendar")
    @Operation(summary = "A schedule's or a person's shifts as an iCalendar feed",
            description = "30 days back and 90 ahead. The token is the credential: anyone with the address can read the feed.")
    ResponseEntity<String> feed(@PathVariable @Pattern(regexp = "cal_[0-9a-f]{40}") String token) {
        Instant now = Instant.now();
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        var schedule = schedules.byCalendarToken(token);
        String body;
        if (schedule.isPresent()) {
            body = scheduleFeed(schedule.get(), from, to);
        } else {
            Person person = people.personByCalendarToken(token).orElseThrow(() -> NotFound.of("Calendar not found",
                    "No schedule or person has this calendar address; it may have been replaced."));
            body = personFeed(person, from, to);
        }
        return ResponseEntity.ok().contentType(CALENDAR).header("Cache-Control", "private, max-age=300").body(body);
    }

    private String scheduleFeed(ScheduleVersion schedule, Instant from, Instant to) {
        List<ScheduleHistory.Shift> shifts = schedules.historyBetween(schedule.scheduleId(), from, to).shifts(from, to);
        Set<String> ids = new HashSet<>();
        shifts.forEach(s -> ids.add(s.personId()));
        Map<String, Person> known = people.people(ids);
        IcsCalendar calendar = new IcsCalendar("On call: " + schedule.name());
        for (ScheduleHistory.Shift shift : shifts) {
            String name = known.containsKey(shift.personId()) ? known.get(shift.personId()).name() : shift.personId();
            calendar.shift(schedule.scheduleId() + "-" + shift.start().getEpochSecond() + "-" + shift.personId(),
                    shift.start(), shift.end(), name + " on call: " + schedule.name(), "From " + shift.source() + ".");
        }
        return calendar.end();
    }

    private String personFeed(Person person, Instant from, Instant to) {
        IcsCalendar calendar = new IcsCalendar(person.name() + ": on call");
        for (ScheduleVersion schedule : schedules.currentVersions()) {
            for (ScheduleHistory.Shift shift : schedules.historyBetween(schedule.scheduleId(), from, to).shifts(from, to)) {
                if (shift.personId().equals(person.id())) {
                    calendar.shift(schedule.scheduleId() + "-" + shift.start().getEpochSecond() + "-" + person.id(),
                            shift.start(), shift.end(), "On call: " + schedule.name(), "From " + shift.source() + ".");
                }
            }
        }
        return calendar.end();
    }
}
