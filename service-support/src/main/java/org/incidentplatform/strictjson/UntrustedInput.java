package org.incidentplatform.strictjson;

import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Marks a read as untrusted input, which switches on the {@link TextRules}. Request bodies read
 * by Spring MVC are marked already; a controller that parses a body itself reads it through
 * {@link #reader}.
 */
public final class UntrustedInput {

    static final String ATTRIBUTE = UntrustedInput.class.getName();

    private UntrustedInput() {
    }

    /** A reader for {@code type} that applies the text rules to every string and object key. */
    public static ObjectReader reader(JsonMapper json, Class<?> type) {
        return mark(json.readerFor(type));
    }

    static ObjectReader mark(ObjectReader reader) {
        return reader.withAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean isUntrusted(DeserializationContext context) {
        return Boolean.TRUE.equals(context.getAttribute(ATTRIBUTE));
    }
}
