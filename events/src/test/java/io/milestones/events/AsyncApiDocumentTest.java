package io.milestones.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code docs/asyncapi.yaml} describes every topic the contract names, and every event type. */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    /** Topics, their dead-letter topics, documented as channels. */
    @Test
    void shouldDescribeEveryTopicOfTheContract() throws IOException {
        Set<String> documented = channelAddresses(read());

        Set<String> used = new HashSet<>();
        for (String topic : topicConstants()) {
            used.add(topic);
        }
        used.add(Topics.deadLetter(Topics.REGISTRATIONS));
        used.add(Topics.deadLetter(Topics.MILESTONES));

        assertThat(documented).as("channels of docs/asyncapi.yaml").containsAll(used);
    }

    @Test
    void shouldListEveryCeTypeOfTheContract() throws IOException {
        JsonNode ceType =
                read().at("/components/schemas/CloudEventHeaders/properties/ce_type/enum");
        Set<String> documented = new HashSet<>();
        ceType.forEach(node -> documented.add(node.asString()));

        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventType.values()).map(EventType::ceType).toList());
    }

    static Set<String> channelAddresses(JsonNode document) {
        Set<String> addresses = new HashSet<>();
        document.get("channels")
                .forEach(channel -> addresses.add(channel.get("address").asString()));
        return addresses;
    }

    static JsonNode read() throws IOException {
        return new YAMLMapper().readTree(DOCUMENT.toFile());
    }

    private static Set<String> topicConstants() {
        return Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .filter(f -> !f.getName().equals("DLT_SUFFIX"))
                .map(AsyncApiDocumentTest::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
