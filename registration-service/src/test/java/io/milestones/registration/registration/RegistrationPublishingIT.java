package io.milestones.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.testing.KafkaBrokerExtension;
import io.milestones.testing.KafkaTestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real path: HTTP in, a record with CloudEvents headers on a real broker out. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=registration-service")
class RegistrationPublishingIT {

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    @LocalServerPort int port;

    @Test
    void shouldPublishTeacherRegisteredKeyedByTeacherIdWithCloudEventsHeaders() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + port
                                                                + "/api/registrations"))
                                        .header("Content-Type", "application/json")
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        """
                                                        {"teacherId":"t-42","email":"mario@example.org",
                                                         "displayName":"Mario","country":"IT","language":"it"}
                                                        """))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        var records =
                KafkaTestClients.readCommitted(kafka.bootstrapServers(), Topics.REGISTRATIONS);
        assertThat(records).hasSize(1);
        var record = records.get(0);
        assertThat(record.key()).isEqualTo("t-42");
        CloudEvent cloudEvent = CloudEvent.readFrom(record.headers());
        assertThat(cloudEvent.type()).isEqualTo(EventType.TEACHER_REGISTERED);
        assertThat(cloudEvent.source()).isEqualTo("/registration-service");
        assertThat(response.body()).contains(cloudEvent.id());
        TeacherRegistered event = EventJson.read(record.value(), TeacherRegistered.class);
        assertThat(event.teacherId()).isEqualTo("t-42");
        assertThat(event.country()).isEqualTo("IT");
        assertThat(event.consents().milestoneEmails()).isFalse();
        assertThat(cloudEvent.time()).isEqualTo(event.registeredAt());
    }
}
