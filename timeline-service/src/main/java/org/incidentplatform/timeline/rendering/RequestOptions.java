package org.incidentplatform.timeline.rendering;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.timeline.web.InvalidParameterException;

/**
 * How a reader wants entries rendered: in which time zone, and which visibility. Parsed here
 * once for every endpoint, so each rejects bad values with the same precise 400 problem.
 *
 * @param zone       the zone times are shown in; UTC by default
 * @param visibility only entries of this visibility; empty for all
 */
public record RequestOptions(ZoneId zone, Optional<Visibility> visibility) {

    private static final int MAX_ZONE_LENGTH = 64;

    public static RequestOptions parse(String tz, String visibility) {
        return new RequestOptions(zone(tz), visibility(visibility));
    }

    /** {@code all}, {@code public} or {@code internal}, as the request named it. */
    public String visibilityName() {
        return visibility.map(v -> v.name().toLowerCase(Locale.ROOT)).orElse("all");
    }

    static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneId.of("UTC");
        }
        if (tz.length() > MAX_ZONE_LENGTH) {
            throw new InvalidParameterException("tz", "a time zone id has at most " + MAX_ZONE_LENGTH + " characters");
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new InvalidParameterException("tz",
                    "not a time zone id; use an IANA id such as Europe/Paris, UTC or an offset such as +01:00");
        }
    }

    static Optional<Visibility> visibility(String visibility) {
        if (visibility == null || visibility.isBlank() || visibility.equalsIgnoreCase("all")) {
            return Optional.empty();
        }
        for (Visibility candidate : Visibility.values()) {
            if (candidate.name().equalsIgnoreCase(visibility)) {
                return Optional.of(candidate);
            }
        }
        throw new InvalidParameterException("visibility", "must be one of all, public, internal");
    }
}
