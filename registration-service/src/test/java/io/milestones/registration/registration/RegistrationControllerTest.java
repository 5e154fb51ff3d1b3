package io.milestones.registration.registration;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import io.milestones.events.TeacherRegistered;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(
        controllers = RegistrationController.class,
        properties = "spring.jackson.deserialization.fail-on-unknown-properties=true")
@Import(RegistrationService.class)
class RegistrationControllerTest {

    static final Instant NOW = Instant.parse("2021-12-03T10:15:30Z");

    @Autowired MockMvc mvc;
    @MockitoBean RegistrationPublisher publisher;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    static final String VALID =
            """
            {"teacherId":"t-1","email":"ana@example.org","displayName":"Ana Nowak",
             "country":"PL","language":"pl","consents":{"milestoneEmails":true}}
            """;

    @Test
    void shouldPublishAndAnswerCreatedWithLocation() throws Exception {
        given(publisher.publish(any()))
                .willReturn(new CloudEvent("ev-1", "/test", EventType.TEACHER_REGISTERED, NOW));

        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/registrations/t-1"))
                .andExpect(jsonPath("$.teacherId").value("t-1"))
                .andExpect(jsonPath("$.eventId").value("ev-1"))
                .andExpect(jsonPath("$.registeredAt").value("2021-12-03T10:15:30Z"));

        verify(publisher)
                .publish(
                        new TeacherRegistered(
                                "t-1",
                                "PL",
                                "pl",
                                NOW,
                                "Ana Nowak",
                                "ana@example.org",
                                new io.milestones.events.Consents(true),
                                false));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "teacherId|''|must not be blank",
                "teacherId|'a b'|may contain only letters",
                "email|'not-an-address'|must be a well-formed email address",
                "displayName|'Eve\\r\\nBcc: x@example.org'|must not contain control characters",
                "country|'XX'|ISO 3166-1 alpha-2",
                "country|'it'|ISO 3166-1 alpha-2",
                "language|'not a tag'|BCP 47",
                "language|'xx'|BCP 47",
            })
    void shouldRejectEachBadFieldWithProblemJsonNamingIt(String field, String value, String message)
            throws Exception {
        String body =
                VALID.replaceFirst(
                        "\"" + field + "\":\"[^\"]*\"",
                        java.util.regex.Matcher.quoteReplacement(
                                "\"" + field + "\":\"" + value + "\""));

        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(
                        jsonPath("$.errors[0].message")
                                .value(org.hamcrest.Matchers.containsString(message)));
        verify(publisher, never()).publish(any());
    }

    @Test
    void shouldNameEveryMissingField() throws Exception {
        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        jsonPath("$.errors[*].field")
                                .value(
                                        org.hamcrest.Matchers.contains(
                                                "country",
                                                "displayName",
                                                "email",
                                                "language",
                                                "teacherId")));
    }

    @Test
    void shouldRejectUnknownFieldNamingIt() throws Exception {
        String body = VALID.replace("{\"teacherId\"", "{\"shoeSize\":44,\"teacherId\"");

        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("shoeSize"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
    }

    @Test
    void shouldRejectMalformedJson() throws Exception {
        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"teacherId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldRejectWrongTypeNamingTheField() throws Exception {
        String body = VALID.replace("{\"milestoneEmails\":true}", "{\"milestoneEmails\":[1]}");

        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consents.milestoneEmails"));
    }

    @Test
    void shouldAnswerServiceUnavailableWhenTheBrokerDoesNotAcknowledge() throws Exception {
        given(publisher.publish(any()))
                .willThrow(new PublishFailedException(new RuntimeException("timeout")));

        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(VALID))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
