package org.incidentplatform.deploy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spring's {@code ${NAME}} and {@code ${NAME:default}} placeholders in a configuration value,
 * including those nested in another placeholder's default.
 */
public final class Placeholders {

    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /**
     * One placeholder.
     *
     * @param name            what it resolves, e.g. {@code MONGODB_URI}
     * @param defaultValue    the text after the first colon, or null when there is none
     * @param insideADefault  true when it only matters if an enclosing placeholder is unset
     */
    public record Placeholder(String name, String defaultValue, boolean insideADefault) {

        public boolean hasDefault() {
            return defaultValue != null;
        }

        /** Upper-case names are environment variables; others ({@code spring.application.name}) are properties. */
        public boolean isEnvironmentVariable() {
            return ENVIRONMENT_VARIABLE.matcher(name).matches();
        }
    }

    private Placeholders() {
    }

    public static List<Placeholder> in(String text) {
        List<Placeholder> found = new ArrayList<>();
        collect(text, false, found);
        return found;
    }

    private static void collect(String text, boolean insideADefault, List<Placeholder> found) {
        int start = text.indexOf("${");
        while (start >= 0) {
            int end = matchingBrace(text, start + 2);
            if (end < 0) {
                return; // Not a placeholder Spring would resolve either.
            }
            String body = text.substring(start + 2, end);
            int colon = topLevelColon(body);
            String name = (colon < 0 ? body : body.substring(0, colon)).trim();
            String defaultValue = colon < 0 ? null : body.substring(colon + 1);
            found.add(new Placeholder(name, defaultValue, insideADefault));
            if (defaultValue != null) {
                collect(defaultValue, true, found);
            }
            start = text.indexOf("${", end + 1);
        }
    }

    private static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith("${", i)) {
                depth++;
                i++;
            } else if (body.charAt(i) == '}') {
                depth--;
            } else if (body.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
