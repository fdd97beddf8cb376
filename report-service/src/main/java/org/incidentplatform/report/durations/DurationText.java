package org.incidentplatform.report.durations;

import java.time.Duration;

/** Durations as people write them in post-mortems: "15h30m", "45m", "2h05m", "40s". */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        if (duration == null) {
            return null;
        }
        String sign = duration.isNegative() ? "-" : "";
        long seconds = Math.abs(duration.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours > 0) {
            return sign + hours + "h" + (minutes < 10 ? "0" : "") + minutes + "m";
        }
        if (minutes > 0) {
            return sign + minutes + "m";
        }
        return sign + seconds + "s";
    }
}
