package org.incidentplatform.notification.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The log channel is on by default; switched off it offers no target, so no rule routes to it. */
class LogChannelTest {

    @Test
    void onItOffersItsOneTargetOffItOffersNone() {
        assertThat(new LogChannel(true).targets()).containsExactly(LogChannel.TARGET);
        assertThat(new LogChannel(false).targets()).isEmpty();
        assertThat(new LogChannel(false).accepts(LogChannel.TARGET)).isFalse();
    }
}
