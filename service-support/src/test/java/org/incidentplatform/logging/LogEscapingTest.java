package org.incidentplatform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogEscapingTest {

    @Test
    void lineBreaksTabsAndOtherControlsAreEscapedAndEverythingElseIsKept() {
        assertThat(LogEscaping.escape("a\r\nb\tc\u0000d\u007fe\u0085f\u2028g\u2029h ünïcödé 🔥"))
                .isEqualTo("a\\r\\nb\\tc\\u0000d\\u007fe\\u0085f\\u2028g\\u2029h ünïcödé 🔥");
        assertThat(LogEscaping.escape("plain")).isSameAs("plain");
        assertThat(LogEscaping.escape(null)).isNull();
    }
}
