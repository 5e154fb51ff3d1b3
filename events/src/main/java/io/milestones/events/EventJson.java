package io.milestones.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the contract (Jackson 3): ISO-8601 instants, unknown properties tolerated
 * so that additive changes to a v1 event do not break older consumers.
 */
public final class EventJson {

    private static final JsonMapper MAPPER =
            JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    // an absent optional flag (baseline) reads as false; required numbers are
                    // checked by the records themselves
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
