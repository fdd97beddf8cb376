package org.incidentplatform.bench.load;

import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the alerts of one run {@code bench-<run>-<n>}, so that the receiver can tell which alert
 * a notification is about whatever the sender's body looks like (Slack blocks or Alertmanager's
 * webhook JSON), and alerts of an earlier run can never be mistaken for this one's.
 */
public final class AlertIds {

    private final String run;
    private final Pattern pattern;
    private final Pattern opened;

    public AlertIds() {
        this.run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        this.pattern = Pattern.compile("bench-" + run + "-(\\d+)");
        this.opened = Pattern.compile("Incident opened: bench-" + run + "-(\\d+)");
    }

    public String id(int n) {
        return "bench-" + run + "-" + n;
    }

    /** Every alert number this run's ids name in the text, each once. */
    public BitSet numbersIn(CharSequence text) {
        return numbers(pattern, text);
    }

    /**
     * The alerts whose incident's opening the text announces. Our platform notifies an incident's
     * later updates (the alert attached to it) too, so "notified twice" means "opening announced
     * twice" there; Alertmanager's messages carry no such line and each one is a notification.
     */
    public BitSet openingsIn(CharSequence text) {
        return numbers(opened, text);
    }

    private static BitSet numbers(Pattern pattern, CharSequence text) {
        BitSet numbers = new BitSet();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            numbers.set(Integer.parseInt(matcher.group(1)));
        }
        return numbers;
    }
}
