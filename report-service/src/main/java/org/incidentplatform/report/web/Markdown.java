package org.incidentplatform.report.web;

/**
 * Neutralises incident text for Markdown: every character that Markdown or the HTML it may
 * contain gives a meaning is backslash-escaped (CommonMark lets any ASCII punctuation be), and
 * line breaks are flattened where one line is expected, so a title cannot open a heading, a
 * link, an image, a table cell or a raw HTML element.
 */
public final class Markdown {

    private static final String SIGNIFICANT = "\\`*_{}[]()<>#+-.!|~&\"'=:$^";

    private Markdown() {
    }

    /** Text for one line: a heading, a list item, a table cell. */
    public static String inline(Object value) {
        return value == null ? "" : escape(value.toString().replaceAll("\\s*[\\r\\n]+\\s*", " "));
    }

    /** Text that may span lines, e.g. a note; each line is escaped on its own. */
    public static String block(Object value) {
        return value == null ? "" : escape(value.toString().replace("\r\n", "\n").replace('\r', '\n'))
                .replace("\n", "  \n");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SIGNIFICANT.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
        }
        return out.toString();
    }
}
