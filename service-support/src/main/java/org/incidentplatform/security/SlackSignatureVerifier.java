package org.incidentplatform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack's request signatures (version v0), for endpoints Slack calls: interactivity,
 * slash commands, events. The signature is HMAC-SHA256 with the app's signing secret over
 * {@code v0:<X-Slack-Request-Timestamp>:<raw body>}, sent as {@code X-Slack-Signature: v0=<hex>}.
 * Requests older or newer than five minutes are refused so a captured request cannot be replayed,
 * and signatures are compared in constant time.
 */
public final class SlackSignatureVerifier {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final byte[] signingSecret;
    private final Clock clock;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("A Slack signing secret is required");
        }
        this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** True only for a well-formed, fresh, correctly signed request. */
    public boolean verify(String timestampHeader, String signatureHeader, byte[] rawBody) {
        if (timestampHeader == null || signatureHeader == null || rawBody == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException notANumber) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = ("v0=" + sign(timestampHeader.trim(), rawBody)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8));
    }

    String sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
