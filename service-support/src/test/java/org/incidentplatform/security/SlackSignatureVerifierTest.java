package org.incidentplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long NOW = 1_531_420_618L;
    private static final byte[] BODY = "token=xyz&team_id=T1DC2JH3J&command=%2Fincident&text=ack+INC-42"
            .getBytes(StandardCharsets.UTF_8);

    private final SlackSignatureVerifier verifier =
            new SlackSignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @Test
    void aRequestSignedWithTheSigningSecretIsAccepted() throws Exception {
        assertThat(verifier.verify(String.valueOf(NOW), signature(SECRET, NOW, BODY), BODY)).isTrue();
    }

    @Test
    void aTamperedBodyOrAnotherSecretIsRefused() throws Exception {
        byte[] tampered = "token=xyz&team_id=T1DC2JH3J&command=%2Fincident&text=resolve+INC-42".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(String.valueOf(NOW), signature(SECRET, NOW, BODY), tampered)).isFalse();
        assertThat(verifier.verify(String.valueOf(NOW), signature("another-secret", NOW, BODY), BODY)).isFalse();
    }

    @Test
    void aRequestOlderThanFiveMinutesIsRefusedEvenWithAValidSignature() throws Exception {
        long stale = NOW - 301;

        assertThat(verifier.verify(String.valueOf(stale), signature(SECRET, stale, BODY), BODY)).isFalse();
        assertThat(verifier.verify(String.valueOf(NOW - 299), signature(SECRET, NOW - 299, BODY), BODY)).isTrue();
    }

    @Test
    void malformedHeadersAreRefused() throws Exception {
        assertThat(verifier.verify("yesterday", signature(SECRET, NOW, BODY), BODY)).isFalse();
        assertThat(verifier.verify(String.valueOf(NOW), null, BODY)).isFalse();
        assertThat(verifier.verify(String.valueOf(NOW), "v1=" + signature(SECRET, NOW, BODY).substring(3), BODY)).isFalse();
    }

    /** Computed independently of the class under test, from Slack's documented recipe. */
    private static String signature(String secret, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] base = ("v0:" + timestamp + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(base));
    }
}
