package org.incidentplatform.report.web;

/**
 * Escaping for the server-rendered pages. Every piece of incident text (titles, notes, names)
 * passes through {@link #text} before it reaches a page, in element content and attributes alike.
 */
public final class Html {

    private Html() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** The start of every page: a stylesheet from this service and nothing else from anywhere. */
    public static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/report.css\"></head>\n<body>\n";
    }

    public static String tail() {
        return "</body></html>\n";
    }
}
