package org.incidentplatform.strictjson;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Applies the {@link TextRules} to every string value (fields, list elements, map values, strings
 * inside free-form objects) and every typed map key of untrusted input. Jackson decodes an escaped
 * lone surrogate such as {@code "\ud800"} without complaint, so the check has to happen here.
 */
class CheckedTextModule extends SimpleModule {

    CheckedTextModule() {
        super("incident-platform-checked-text");
        addDeserializer(String.class, new CheckedStrings());
        addKeyDeserializer(String.class, new CheckedKeys());
    }

    static final class CheckedStrings extends StdScalarDeserializer<String> {

        CheckedStrings() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            check(value, parser, context, "text");
            return value;
        }
    }

    static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            check(key, context.getParser(), context, "the property name");
            return key;
        }
    }

    private static void check(String value, JsonParser parser, DeserializationContext context, String what) {
        if (value != null && UntrustedInput.isUntrusted(context)) {
            String violation = TextRules.violation(value);
            if (violation != null) {
                throw new UnacceptableTextException(parser, "Unacceptable " + what + ": " + violation);
            }
        }
    }
}
