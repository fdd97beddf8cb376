package org.incidentplatform.report.web;

import java.time.DateTimeException;
import java.time.ZoneId;

/** The {@code tz} query parameter: an IANA zone (Europe/Paris) or an offset (+01:00); UTC when absent. */
public final class TimeZoneParameter {

    private static final int MAX_LENGTH = 64;
    private static final ZoneId UTC = ZoneId.of("UTC");

    private TimeZoneParameter() {
    }

    public static ZoneId parse(String tz) {
        if (tz == null || tz.isBlank()) {
            return UTC;
        }
        if (tz.length() > MAX_LENGTH) {
            throw BadRequest.parameter("tz", "A time zone name has at most " + MAX_LENGTH + " characters");
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException unknown) {
            throw BadRequest.parameter("tz", "'" + tz + "' is not a time zone; use an IANA name such as "
                    + "Europe/Paris or an offset such as +01:00");
        }
    }
}
