package org.incidentplatform.timeline.rendering;

/**
 * Makes user text inert inside Markdown: it renders as the same words, never as markup. Every
 * character CommonMark or GitHub-flavoured Markdown gives a meaning inline (emphasis, code,
 * links, images, headings, tables, strikethrough) is backslash-escaped; the HTML-significant
 * {@code & < > "} become entities, so no renderer sees a tag or autolink; line breaks and other
 * control characters become spaces, so text cannot leave its table cell or start a block.
 */
public final class MarkdownText {

    private static final String BACKSLASHED = "\\`*_{}[]()#!|~";

    private MarkdownText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        out.append(' ');
                    } else {
                        if (c < 128 && BACKSLASHED.indexOf(c) >= 0) {
                            out.append('\\');
                        }
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
