package org.incidentplatform.logging;

/** Escapes what would let text break out of its log line. */
public final class LogEscaping {

    private LogEscaping() {
    }

    /** C0 and C1 controls, DEL, U+2028 and U+2029 as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(LogEscaping::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }
}
