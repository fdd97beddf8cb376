package org.incidentplatform.timeline.activity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.incidentplatform.timeline.entries.TimelineEntry;
import org.incidentplatform.timeline.entries.TimelineProjection.FeedPosition;
import org.incidentplatform.timeline.web.InvalidParameterException;

/**
 * The opaque cursor of the activity feed: the recording time and id of the last entry of a
 * page, base64url-encoded. Opaque so that clients do not build their own; versioned so the
 * format can change without misreading old cursors.
 */
final class ActivityCursor {

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 512;

    private ActivityCursor() {
    }

    static String after(TimelineEntry last) {
        String raw = VERSION + "|" + last.recordedAt().toEpochMilli() + "|" + last.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<FeedPosition> parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
                throw new IllegalArgumentException("not a cursor");
            }
            return Optional.of(new FeedPosition(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("cursor", "not a cursor this API returned; start again without one");
        }
    }
}
