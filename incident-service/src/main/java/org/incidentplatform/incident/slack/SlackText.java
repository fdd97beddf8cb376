package org.incidentplatform.incident.slack;

/**
 * Text for Slack's {@code mrkdwn}: the three characters Slack parses as control sequences are
 * escaped, so a title such as {@code <!channel>} or {@code <https://evil|bank>} arrives as text,
 * never as a mention or a disguised link.
 */
final class SlackText {

    private SlackText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The words of an escaped {@code mrkdwn} answer, for places Slack shows as plain text (a modal's error). */
    static String plain(String mrkdwn) {
        return mrkdwn.replace("*", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** At most {@code limit} characters, for Block Kit fields with a length limit. */
    static String limit(String text, int limit) {
        String value = text == null ? "" : text;
        return value.length() <= limit ? value : value.substring(0, limit - 1) + "…";
    }
}
