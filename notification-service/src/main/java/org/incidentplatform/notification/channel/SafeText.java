package org.incidentplatform.notification.channel;

import java.util.regex.Pattern;

/** Makes user-written text (titles, notes, messages) harmless in the markup each receiver renders. */
public final class SafeText {

    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|>~<])");
    private static final int MAX_LENGTH = 2_000;

    private SafeText() {
    }

    /**
     * Slack mrkdwn: only {@code & < >} are control characters; escaping them stops mentions such
     * as {@code <!channel>} and disguised links.
     */
    public static String slack(String text) {
        return limit(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Markdown (Teams TextBlocks, Mattermost): every formatting character becomes a literal. */
    public static String markdown(String text) {
        return MARKDOWN.matcher(limit(text)).replaceAll("\\\\$1");
    }

    /** One line: for subjects and headers, where a line break would start a new header. */
    public static String oneLine(String text) {
        return limit(text).replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    public static String limit(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
