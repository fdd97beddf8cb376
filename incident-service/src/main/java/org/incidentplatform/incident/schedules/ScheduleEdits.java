package org.incidentplatform.incident.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.people.RosterIds;
import org.incidentplatform.incident.web.ChangedSinceRead;
import org.incidentplatform.incident.web.InvalidRequestException;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Every change to a schedule becomes its next version. Without If-Match a change that collides
 * with a concurrent one is re-applied to the newer version (an override added by two admins at
 * once keeps both); with If-Match a stale edit is refused.
 */
@Component
class ScheduleEdits {

    private static final int ATTEMPTS = 5;
    private final ScheduleRepository schedules;
    private final PeopleRepository people;

    ScheduleEdits(ScheduleRepository schedules, PeopleRepository people) {
        this.schedules = schedules;
        this.people = people;
    }

    ScheduleVersion create(ScheduleRequest request, String actor) {
        validate(request);
        String id = ScheduleController.newId();
        ScheduleVersion first = new ScheduleVersion(ScheduleVersion.idOf(id, 1), id, 1, Instant.now(), actor, "created",
                request.name(), request.description(), request.layers(), List.of(), RosterIds.calendarToken(), false);
        schedules.insert(first);
        return first;
    }

    /** The newest version of a schedule that has not been deleted; 404 otherwise. */
    ScheduleVersion live(String scheduleId) {
        ScheduleVersion current = schedules.current(scheduleId).orElseThrow(() -> notFound(scheduleId));
        if (current.deleted()) {
            throw NotFound.of("Schedule deleted", "The schedule '" + scheduleId + "' was deleted at "
                    + current.effectiveFrom() + " by " + current.actor() + "; its past still answers on-call questions.");
        }
        return current;
    }

    ScheduleVersion replace(String scheduleId, ScheduleRequest request, Long expectedVersion, String actor) {
        validate(request);
        return change(scheduleId, expectedVersion, (current, now) -> current.next(now, actor, "layers replaced",
                request.name(), request.description(), request.layers(), stillRunning(current.overrides(), now), false));
    }

    void delete(String scheduleId, Long expectedVersion, String actor) {
        change(scheduleId, expectedVersion, (current, now) -> current.next(now, actor, "deleted", current.name(),
                current.description(), current.layers(), List.of(), true));
    }

    ScheduleVersion addOverride(String scheduleId, OverrideRequest request, String actor) {
        Instant requestedAt = Instant.now();
        request.validate(requestedAt);
        Person person = people.person(request.personId()).filter(Person::active).orElseThrow(() ->
                new InvalidRequestException("personId names '" + request.personId() + "', which is not an active person"));
        String overrideId = RosterIds.next("ovr");
        return change(scheduleId, null, (current, now) -> {
            Instant start = request.start().toInstant().isBefore(now) ? now : request.start().toInstant();
            List<ScheduleOverride> overrides = stillRunning(current.overrides(), now);
            overrides.add(new ScheduleOverride(overrideId, person.id(), start, request.end().toInstant(), request.reason()));
            return current.next(now, actor, "override " + overrideId + " added for " + person.id(), current.name(),
                    current.description(), current.layers(), overrides, false);
        });
    }

    void removeOverride(String scheduleId, String overrideId, String actor) {
        change(scheduleId, null, (current, now) -> {
            List<ScheduleOverride> overrides = stillRunning(current.overrides(), now);
            if (!overrides.removeIf(o -> o.id().equals(overrideId))) {
                throw NotFound.of("Override not found",
                        "The schedule has no current or future override with the id '" + overrideId + "'.");
            }
            return current.next(now, actor, "override " + overrideId + " removed", current.name(),
                    current.description(), current.layers(), overrides, false);
        });
    }

    private interface Change {
        ScheduleVersion apply(ScheduleVersion current, Instant now);
    }

    private ScheduleVersion change(String scheduleId, Long expectedVersion, Change change) {
        for (int attempt = 1; ; attempt++) {
            ScheduleVersion current = live(scheduleId);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw ChangedSinceRead.now(current.version());
            }
            ScheduleVersion next = change.apply(current, Instant.now());
            try {
                schedules.insert(next);
                return next;
            } catch (DuplicateKeyException concurrent) {
                if (expectedVersion != null || attempt == ATTEMPTS) {
                    throw ChangedSinceRead.now(current.version() + 1);
                }
            }
        }
    }

    /** Overrides that ended cannot change any answer from now on, so a new version drops them. */
    private static List<ScheduleOverride> stillRunning(List<ScheduleOverride> overrides, Instant now) {
        return new ArrayList<>(overrides.stream().filter(o -> o.end().isAfter(now)).toList());
    }

    private void validate(ScheduleRequest request) {
        request.validate();
        Set<String> named = request.layers().stream().flatMap(l -> l.participants().stream()).collect(Collectors.toSet());
        var known = people.people(named);
        for (String id : named) {
            if (!known.containsKey(id) || !known.get(id).active()) {
                throw new InvalidRequestException("participants name '" + id + "', which is not an active person");
            }
        }
    }

    private static ErrorResponseException notFound(String scheduleId) {
        return NotFound.of("Schedule not found", "No schedule has the id '" + scheduleId + "'.");
    }
}
