package org.incidentplatform.strictjson;

/**
 * What text in a request may contain: any Unicode character except the C0 controls other than
 * tab, line feed and carriage return, DEL and the C1 controls; and it must be well-formed UTF-16
 * (no unpaired surrogates). The same rule for every text field, so a newcomer need not look up
 * which field allows what; lengths and formats are each endpoint's own validation.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why the text is not acceptable, without echoing it; null when it is. */
    public static String violation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (" + codeOf(c) + ") at index " + i + ": not well-formed UTF-16";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (" + codeOf(c) + ") at index " + i + ": not well-formed UTF-16";
            }
            if (isControl(c)) {
                return "contains the control character " + codeOf(c) + " at index " + i
                        + "; only tab, line feed and carriage return are allowed";
            }
        }
        return null;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static String codeOf(char c) {
        return String.format("U+%04X", (int) c);
    }
}
