package org.incidentplatform.incident.schedules;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.incidentplatform.incident.web.InvalidRequestException;

/**
 * A window of the week (or of every day) during which a layer is on call, in the layer's zone.
 * Without days it repeats daily ({@code 09:00}-{@code 17:00}; {@code 22:00}-{@code 06:00} runs
 * across midnight); with days it is one span of the week ({@code MONDAY 09:00}-{@code FRIDAY 17:00},
 * or {@code FRIDAY 18:00}-{@code MONDAY 08:00} across the weekend). The end is exclusive.
 */
@Schema(example = "{\"startDay\": \"MONDAY\", \"start\": \"09:00\", \"endDay\": \"FRIDAY\", \"end\": \"17:00\"}")
record Restriction(DayOfWeek startDay, LocalTime start, DayOfWeek endDay, LocalTime end) {

    private static final int MINUTES_PER_DAY = 24 * 60;

    void validate(String where) {
        if (start == null || end == null) {
            throw new InvalidRequestException(where + " needs start and end times, such as 09:00 and 17:00");
        }
        if ((startDay == null) != (endDay == null)) {
            throw new InvalidRequestException(where + " needs both startDay and endDay, or neither for a daily window");
        }
        if (startMinute() == endMinute()) {
            throw new InvalidRequestException(where + " starts and ends at the same moment; leave restrictions out for all day");
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new InvalidRequestException(where + " times are whole minutes, such as 09:00");
        }
    }

    boolean weekly() {
        return startDay != null;
    }

    /** Whether the local time {@code at} (in the layer's zone) falls inside the window. */
    boolean contains(ZonedDateTime at) {
        int minute = at.getHour() * 60 + at.getMinute();
        if (weekly()) {
            minute += (at.getDayOfWeek().getValue() - 1) * MINUTES_PER_DAY;
        }
        int from = startMinute();
        int to = endMinute();
        return from < to ? minute >= from && minute < to : minute >= from || minute < to;
    }

    private int startMinute() {
        return minuteOf(startDay, start);
    }

    private int endMinute() {
        return minuteOf(endDay, end);
    }

    private static int minuteOf(DayOfWeek day, LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return day == null ? minute : (day.getValue() - 1) * MINUTES_PER_DAY + minute;
    }
}
