package org.incidentplatform.strictjson;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * No scalar coercion: a JSON value must already have the type of the field it fills. Jackson's
 * defaults turn {@code 12} into "12", {@code 1} into the second enum constant, "1.5" into a double
 * and 1.5 into the integer 1; a client that sends those has a bug we should tell it about. The
 * one conversion kept is an integer where a decimal number is expected, which JSON does not
 * distinguish. Enum names stay case-insensitive where a service enables that.
 */
final class CoercionRules {

    private static final CoercionInputShape[] SCALARS = {
        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean};

    private CoercionRules() {
    }

    static void apply(JsonMapper.Builder builder) {
        builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime}) {
            builder.withCoercionConfig(type, config -> {
                for (CoercionInputShape shape : SCALARS) {
                    config.setCoercion(shape, CoercionAction.Fail);
                }
            });
        }
        builder.withCoercionConfig(LogicalType.Integer, config -> config
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Float, config -> config
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Boolean, config -> config
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}
