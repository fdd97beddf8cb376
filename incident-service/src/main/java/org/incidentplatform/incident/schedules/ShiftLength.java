package org.incidentplatform.incident.schedules;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.incidentplatform.incident.web.InvalidRequestException;

/**
 * How long one shift of a rotation lasts, written as ISO-8601: {@code P1D}, {@code P1W},
 * {@code P14D} are calendar lengths, handed off at the same wall-clock time in the rotation's
 * zone whatever daylight saving does (a weekly shift across a change lasts 167 or 169 hours);
 * {@code PT12H} is an exact duration, for rotations that follow the clock rather than the day.
 */
record ShiftLength(Period days, Duration exact) {

    static final int MAX_DAYS = 366;

    static ShiftLength parse(String text) {
        if (text == null || text.isBlank() || text.length() > 20) {
            throw new InvalidRequestException("shiftLength must be an ISO-8601 length such as P1W, P1D or PT12H");
        }
        try {
            if (text.startsWith("PT")) {
                Duration exact = Duration.parse(text);
                if (exact.compareTo(Duration.ofHours(1)) < 0 || exact.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
                    throw new InvalidRequestException("shiftLength must be between one hour and " + MAX_DAYS + " days");
                }
                return new ShiftLength(null, exact);
            }
            Period period = Period.parse(text);
            if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1 || period.getDays() > MAX_DAYS) {
                throw new InvalidRequestException(
                        "shiftLength in days or weeks must be between P1D and P" + MAX_DAYS + "D (months and years vary in length)");
            }
            return new ShiftLength(period, null);
        } catch (DateTimeParseException notIso) {
            throw new InvalidRequestException("shiftLength must be an ISO-8601 length such as P1W, P1D or PT12H");
        }
    }

    /** When shift number {@code index} (0 = the first) starts; negative indexes lie before the first. */
    ZonedDateTime start(LocalDateTime firstHandoff, ZoneId zone, long index) {
        ZonedDateTime first = ZonedDateTime.of(firstHandoff, zone);
        if (exact != null) {
            return first.plus(exact.multipliedBy(index));
        }
        // Local arithmetic first, then the zone: a gap moves the hand-off forward by the gap,
        // an overlap takes the earlier offset (java.time's rules for ZonedDateTime.of).
        return ZonedDateTime.of(firstHandoff.plusDays(Math.multiplyExact((long) days.getDays(), index)), zone);
    }

    /** The number of the shift running at {@code at}: negative before the first hand-off. */
    long indexAt(LocalDateTime firstHandoff, ZoneId zone, java.time.Instant at) {
        long nominalSeconds = exact != null ? exact.toSeconds() : days.getDays() * 86_400L;
        long elapsed = at.getEpochSecond() - ZonedDateTime.of(firstHandoff, zone).toEpochSecond();
        long index = Math.floorDiv(elapsed, nominalSeconds);
        // A calendar shift is within a few hours of its nominal length, so this moves once or twice at most.
        while (start(firstHandoff, zone, index).toInstant().isAfter(at)) {
            index--;
        }
        while (!start(firstHandoff, zone, index + 1).toInstant().isAfter(at)) {
            index++;
        }
        return index;
    }
}
