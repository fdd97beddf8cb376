package org.incidentplatform.notification.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads a receiver's {@code Retry-After} header (RFC 9110: delay-seconds or an HTTP-date) without
 * trusting it: garbage and negative values are ignored, a date in the past means "now", and
 * anything longer than {@link #LONGEST} is read as {@link #LONGEST}, so that adding it to a
 * clock can never overflow. The delivery policy caps it much further.
 */
public final class RetryAfter {

    /** The longest delay this parser returns; far beyond any sensible cap. */
    public static final Duration LONGEST = Duration.ofDays(365L * 100);

    private static final Pattern DELAY_SECONDS = Pattern.compile("\\d{1,100}");

    private RetryAfter() {
    }

    /** @return how long the receiver asked to wait, or null when the header is absent or unusable */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (DELAY_SECONDS.matcher(value).matches()) {
            // More than 12 digits is more than LONGEST already; no need to parse what may overflow a long.
            return value.length() > 12 ? LONGEST : atMostLongest(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return until.isBefore(now) ? Duration.ZERO : atMostLongest(Duration.between(now, until));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static Duration atMostLongest(Duration delay) {
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
