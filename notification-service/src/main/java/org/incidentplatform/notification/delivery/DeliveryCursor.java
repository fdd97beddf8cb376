package org.incidentplatform.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the delivery log ends: the (createdAt, id) of its oldest entry, opaque to
 * callers (base64url). The next page holds what was created before it.
 */
record DeliveryCursor(Instant createdAt, String id) {

    String encode() {
        String raw = createdAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service handed out */
    static DeliveryCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new DeliveryCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))),
                    raw.substring(bar + 1));
        } catch (RuntimeException notACursor) {
            throw new IllegalArgumentException("cursor is not one this service handed out", notACursor);
        }
    }
}
