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
        return value == null ? "" : escape(flattenLineBreaks(value.toString()));
    }

    /** Text that may span lines, e.g. a note; each line is escaped on its own. */
    public static String block(Object value) {
        return value == null ? "" : escape(value.toString().replace("\r\n", "\n").replace('\r', '\n'))
                .replace("\n", "  \n");
    }

    /**
     * Replaces every run of whitespace that holds a line break with one space, in one pass. The
     * regular expression this replaces ({@code \s*[\r\n]+\s*}) backtracked over long runs without
     * a line break, quadratic in their length.
     */
    private static String flattenLineBreaks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (!isWhitespace(s.charAt(i))) {
                out.append(s.charAt(i++));
                continue;
            }
            int runStart = i;
            boolean lineBreak = false;
            for (; i < s.length() && isWhitespace(s.charAt(i)); i++) {
                lineBreak |= s.charAt(i) == '\n' || s.charAt(i) == '\r';
            }
            if (lineBreak) {
                out.append(' ');
            } else {
                out.append(s, runStart, i);
            }
        }
        return out.toString();
    }

    /** Exactly the characters of the regular expression class {@code \s}. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
