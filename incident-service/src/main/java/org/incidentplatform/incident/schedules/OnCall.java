package org.incidentplatform.incident.schedules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who a schedule puts on call at an instant, for the features that page people (escalation). */
@Component
public class OnCall {

    private final ScheduleRepository schedules;

    OnCall(ScheduleRepository schedules) {
        this.schedules = schedules;
    }

    /** The schedule's name and the person on call at {@code at}; empty when the schedule does not exist. */
    public Optional<Answer> at(String scheduleId, Instant at) {
        return schedules.current(scheduleId).map(current -> {
            ScheduleHistory history = schedules.historyBetween(scheduleId, at, at.plusMillis(1));
            String person = history == null ? null : history.onCallAt(at).personId();
            return new Answer(current.name(), current.deleted(), person);
        });
    }

    /** Every schedule there is, by name, for pickers (a Slack modal, a slash command's argument). */
    public List<Schedule> schedules() {
        return schedules.currentVersions().stream().map(v -> new Schedule(v.scheduleId(), v.name())).toList();
    }

    public record Schedule(String id, String name) {
    }

    /**
     * @param personId null when nobody is on call then
     * @param deleted  the schedule was deleted (its name is the last it had)
     */
    public record Answer(String scheduleName, boolean deleted, String personId) {
    }
}
