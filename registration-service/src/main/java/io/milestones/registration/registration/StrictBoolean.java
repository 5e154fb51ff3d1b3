package io.milestones.registration.registration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads only the JSON literals {@code true} and {@code false}. Jackson would otherwise coerce
 * {@code "true"}, {@code "yes"} or {@code 1} into a consent; a consent is never guessed, so
 * anything else is a 400 naming the field.
 */
final class StrictBoolean extends StdDeserializer<Boolean> {

    StrictBoolean() {
        super(Boolean.class);
    }

    /** An absent or {@code null} consent is no consent. */
    @Override
    public Boolean getNullValue(DeserializationContext context) {
        return Boolean.FALSE;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return Boolean.FALSE;
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
    }
}
