package io.milestones.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.registration.testing.Api;
import io.milestones.testing.TestDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checked-in OpenAPI description ({@value #SPEC}) must match what the code serves. To
 * regenerate it after an intended API change, run this test with {@code -Dopenapi.write=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=registration-service",
            "milestones.outbox.enabled=false",
            "spring.kafka.bootstrap-servers=localhost:1"
        })
class OpenApiSpecIT {

    static final String SPEC = "docs/openapi/registration-service.json";
    static final String REGENERATE =
            "./mvnw -B -pl registration-service -am verify -Dtest=none"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiSpecIT"
                    + " -Dfailsafe.failIfNoSpecifiedTests=false -Dopenapi.write=true";

    @RegisterExtension static TestDatabaseExtension db = new TestDatabaseExtension();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        db.register(registry);
    }

    static final JsonMapper JSON =
            JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .build();

    @LocalServerPort int port;

    @Test
    void shouldServeTheCheckedInOpenApiDescription() throws Exception {
        var response = new Api(port).get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = normalized(response.body());
        Path spec = repositoryRoot().resolve(SPEC);

        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(spec.getParent());
            Files.writeString(spec, JSON.writeValueAsString(sorted(served)) + "\n");
        }

        assertThat(Files.exists(spec))
                .as("%s exists; create it with:\n%s", SPEC, REGENERATE)
                .isTrue();
        JsonNode checkedIn = normalized(Files.readString(spec));
        assertThat(served)
                .as(
                        "the API differs from %s; if the change is intended, regenerate it:\n%s",
                        SPEC, REGENERATE)
                .isEqualTo(checkedIn);
    }

    /** Without the server URL, which carries the random port. */
    private static JsonNode normalized(String json) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("servers");
        return node;
    }

    private static Object sorted(JsonNode node) {
        return JSON.convertValue(node, java.util.TreeMap.class);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above the working directory").isNotNull();
        return dir;
    }
}
