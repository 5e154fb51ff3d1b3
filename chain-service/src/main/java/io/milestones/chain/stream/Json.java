package io.milestones.chain.stream;

import io.milestones.chain.ChainMetrics.BadInput;
import io.milestones.events.EventJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reading the networks' JSON: malformed input becomes {@link BadInput}, absent fields null. */
public final class Json {

    private Json() {}

    public static JsonNode parse(String json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new BadInput("malformed-json", "not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new BadInput("malformed-json", e.getOriginalMessage());
        }
    }

    /** The text of {@code field}, or null when it is absent, null or not text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
