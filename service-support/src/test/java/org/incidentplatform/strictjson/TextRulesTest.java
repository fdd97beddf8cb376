package org.incidentplatform.strictjson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void ordinaryTextWithTabsNewlinesAndAnySupplementaryCharacterIsAccepted() {
        assertThat(TextRules.violation("Checkout down\tagain\r\nsee 🔥 ＳＥＶ１ \u2028 \u202e ok")).isNull();
    }

    @Test
    void unpairedSurrogatesAreMalformed() {
        assertThat(TextRules.violation("a\ud800")).contains("unpaired surrogate (U+D800) at index 1");
        assertThat(TextRules.violation("\udc00b")).contains("unpaired surrogate (U+DC00) at index 0");
        assertThat(TextRules.violation("\ud800x")).contains("unpaired surrogate");
    }

    @Test
    void controlCharactersOtherThanTabLineFeedAndCarriageReturnAreRefused() {
        assertThat(TextRules.violation("a\u0000b")).contains("control character U+0000 at index 1");
        assertThat(TextRules.violation("\u001b[31mred")).contains("U+001B");
        assertThat(TextRules.violation("\u007f")).contains("U+007F");
        assertThat(TextRules.violation("\u0085")).contains("U+0085");
    }
}
