package io.milestones.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.milestones.testing.FixedPortKafka;
import io.milestones.testing.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The right of access across services: {@code GET /api/registrations/{teacherId}/personal-data}
 * (ADMIN) returns the registry's row and what the notifier holds (subscription, name and consent to
 * be named), unmasked; after an erasure it returns neither the address nor the name.
 */
class PersonalDataEndToEndIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    static final String NOTIFIER_KEY = "test-notifier-personal-data-key";
    static Services services;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        int notifierPort = FixedPortKafka.freePort();
        Map<String, Object> registration = new HashMap<>(TestSettings.registration());
        registration.put("milestones.notifier.base-url", "http://localhost:" + notifierPort);
        registration.put("milestones.notifier.api-key", NOTIFIER_KEY);
        services =
                Services.start(
                        Map.of(
                                "server.port",
                                0,
                                "spring.kafka.bootstrap-servers",
                                kafka.bootstrapServers()),
                        registration,
                        TestSettings.milestone("1000", "1000"),
                        TestSettings.notifier(
                                Map.of(
                                        "server.port",
                                        notifierPort,
                                        "milestones.personal-data.admin-api-key",
                                        NOTIFIER_KEY)));
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void shouldReturnEveryPersonalFieldOfTheRegistryAndTheNotifierAndNoneAfterErasure()
            throws Exception {
        String body =
                """
                {"teacherId":"t-access","email":"Giulia.Bianchi@school.example",
                 "displayName":"Giulia Bianchi","country":"IT","language":"it",
                 "consents":{"milestoneEmails":true,"publicName":true}}
                """;
        assertThat(
                        send("POST", "/api/registrations", LocalStack.DEV_PLATFORM_KEY, body)
                                .statusCode())
                .isEqualTo(201);
        assertThat(personalData(LocalStack.DEV_PLATFORM_KEY).statusCode())
                .as("ADMIN only")
                .isEqualTo(403);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(personalData(LocalStack.DEV_ADMIN_KEY).body())
                                        .contains("\"subscriptions\":[{")
                                        .contains("\"name\":{\"displayName\":\"Giulia Bianchi\""));
        String before = personalData(LocalStack.DEV_ADMIN_KEY).body();
        assertThat(before)
                .contains("\"teacherId\":\"t-access\"")
                .contains(
                        "\"registry\":{\"email\":\"Giulia.Bianchi@school.example\","
                                + "\"displayName\":\"Giulia Bianchi\",\"country\":\"IT\"")
                .contains("\"milestoneEmails\":true,\"publicName\":true")
                .contains("\"email\":\"giulia.bianchi@school.example\"")
                .contains("\"status\":\"CONFIRMED\"")
                .contains("\"publicName\":true");

        assertThat(
                        send(
                                        "DELETE",
                                        "/api/registrations/t-access",
                                        LocalStack.DEV_ADMIN_KEY,
                                        null)
                                .statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(personalData(LocalStack.DEV_ADMIN_KEY).body())
                                        .contains("\"subscriptions\":[]")
                                        .contains("\"name\":null")
                                        .doesNotContainIgnoringCase("giulia")
                                        .doesNotContain("Bianchi"));
        assertThat(personalData(LocalStack.DEV_ADMIN_KEY).body())
                .contains("\"email\":null,\"displayName\":null,\"country\":\"IT\"")
                .contains("\"erasedAt\":\"");
    }

    private static HttpResponse<String> personalData(String key) throws Exception {
        return send("GET", "/api/registrations/t-access/personal-data", key, null);
    }

    private static HttpResponse<String> send(String method, String path, String key, String json)
            throws Exception {
        var request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost"
                                                + ":"
                                                + services.registrationPort()
                                                + path))
                        .header("X-API-Key", key);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(
                request.method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
