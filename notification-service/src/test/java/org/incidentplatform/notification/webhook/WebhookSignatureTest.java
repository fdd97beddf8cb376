package org.incidentplatform.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyInHex() {
        // Computed independently: python3 -c "import hmac,hashlib;
        //   print(hmac.new(b'secret', b'1700000000.{\"a\":1}', hashlib.sha256).hexdigest())"
        assertThat(WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=" + EXPECTED);
    }

    private static final String EXPECTED = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";
}
