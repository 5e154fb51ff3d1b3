package io.milestones.registration.registration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.milestones.registration.security.ApiKeyProperties;
import io.milestones.registration.security.SecurityConfig;
import io.milestones.registration.testing.TestKeys;
import java.time.Instant;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The HTTP contract of the registry: validation, problem+json, keys and roles. */
@WebMvcTest(
        controllers = RegistrationController.class,
        properties = {
            "spring.jackson.deserialization.fail-on-unknown-properties=true",
            "milestones.registration.countries=PL,IT,DE",
            "milestones.registration.max-body-size=1KB",
            "milestones.security.api-keys[0].client=test-platform",
            "milestones.security.api-keys[0].sha256="
                    + "6376e96c4c3185bcc86c0802ce0fb463231f19db0a1b4930347e1ff5f77d5a4c",
            "milestones.security.api-keys[0].roles=PLATFORM",
            "milestones.security.api-keys[1].client=test-admin",
            "milestones.security.api-keys[1].sha256="
                    + "944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
            "milestones.security.api-keys[1].roles=PLATFORM,ADMIN"
        })
@Import({SecurityConfig.class, ParticipatingCountries.class})
@EnableConfigurationProperties({RegistrationProperties.class, ApiKeyProperties.class})
class RegistrationControllerTest {

    static final Instant NOW = Instant.parse("2021-12-03T10:15:30Z");

    @Autowired MockMvc mvc;
    @MockitoBean RegistrationService registrations;
    @MockitoBean Teachers teachers;

    static final String VALID =
            """
            {"teacherId":"t-1","email":"ana@example.org","displayName":"Ana Nowak",
             "country":"PL","language":"pl","consents":{"milestoneEmails":true}}
            """;

    static MockHttpServletRequestBuilder register(String body) {
        return post("/api/registrations")
                .header(TestKeys.HEADER, TestKeys.PLATFORM)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    @Test
    void shouldRegisterAndAnswerCreatedWithLocation() throws Exception {
        given(registrations.register(any(), any()))
                .willReturn(new RegistrationService.Registered("t-1", "ev-1", NOW, false));

        mvc.perform(register(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/registrations/t-1"))
                .andExpect(jsonPath("$.teacherId").value("t-1"))
                .andExpect(jsonPath("$.eventId").value("ev-1"))
                .andExpect(jsonPath("$.registeredAt").value("2021-12-03T10:15:30Z"));

        verify(registrations)
                .register(
                        new RegistrationService.NewTeacher(
                                "t-1", "ana@example.org", "Ana Nowak", "PL", "pl", true, false),
                        null);
    }

    @Test
    void shouldScopeTheIdempotencyKeyToTheClient() throws Exception {
        given(registrations.register(any(), any()))
                .willReturn(new RegistrationService.Registered("t-1", "ev-1", NOW, true));

        mvc.perform(register(VALID).header("Idempotency-Key", "abc"))
                .andExpect(status().isCreated());

        verify(registrations).register(any(), eq("test-platform:abc"));
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
                "country|'US'|must be one of the participating countries",
                "language|'not a tag'|BCP 47",
                "language|'xx'|BCP 47",
            })
    void shouldRejectEachBadFieldWithProblemJsonNamingIt(String field, String value, String message)
            throws Exception {
        String body =
                VALID.replaceFirst(
                        "\"" + field + "\":\"[^\"]*\"",
                        Matcher.quoteReplacement("\"" + field + "\":\"" + value + "\""));

        mvc.perform(register(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
        verifyNoInteractions(registrations);
    }

    @Test
    void shouldNameEveryMissingField() throws Exception {
        mvc.perform(register("{}"))
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

        mvc.perform(register(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("shoeSize"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
    }

    @Test
    void shouldRejectMalformedJson() throws Exception {
        mvc.perform(register("{\"teacherId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldRejectWrongTypeNamingTheField() throws Exception {
        String body = VALID.replace("{\"milestoneEmails\":true}", "{\"milestoneEmails\":[1]}");

        mvc.perform(register(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consents.milestoneEmails"));
    }

    @ParameterizedTest(name = "publicName {0}")
    @ValueSource(strings = {"\"yes\"", "\"true\"", "1", "{}"})
    void shouldRejectAPublicNameThatIsNotABooleanNamingTheField(String value) throws Exception {
        String body =
                VALID.replace(
                        "{\"milestoneEmails\":true}",
                        "{\"milestoneEmails\":true,\"publicName\":" + value + "}");

        mvc.perform(register(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("consents.publicName"));
        verifyNoInteractions(registrations);
    }

    @Test
    void shouldPassTheConsentToBeNamedOn() throws Exception {
        given(registrations.register(any(), any()))
                .willReturn(new RegistrationService.Registered("t-1", "ev-1", NOW, false));
        String body =
                VALID.replace(
                        "{\"milestoneEmails\":true}",
                        "{\"milestoneEmails\":false,\"publicName\":true}");

        mvc.perform(register(body)).andExpect(status().isCreated());

        verify(registrations)
                .register(
                        new RegistrationService.NewTeacher(
                                "t-1", "ana@example.org", "Ana Nowak", "PL", "pl", false, true),
                        null);
    }

    @Test
    void shouldRejectAnOversizedBodyWithContentTooLarge() throws Exception {
        String body = VALID.replace("Ana Nowak", "A".repeat(2000));

        mvc.perform(register(body))
                .andExpect(status().is(413))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$", not(hasKey("properties"))))
                .andExpect(jsonPath("$", not(hasKey("instance"))));
        verifyNoInteractions(registrations);
    }

    @Test
    void shouldRejectATooLongIdempotencyKeyNamingIt() throws Exception {
        mvc.perform(register(VALID).header("Idempotency-Key", "k".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void shouldAnswerConflictAsProblemJson() throws Exception {
        given(registrations.register(any(), any())).willThrow(RegistrationProblem.emailTaken());

        mvc.perform(register(VALID))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:milestones:problem:email-taken"));
    }

    @Test
    void shouldRefuseARequestWithoutKeyWith401ProblemJson() throws Exception {
        mvc.perform(
                        post("/api/registrations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(VALID))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:milestones:problem:unauthenticated"))
                // written outside MVC, yet shaped like MVC's problems: no null members
                .andExpect(jsonPath("$", not(hasKey("properties"))))
                .andExpect(jsonPath("$", not(hasKey("instance"))))
                .andExpect(header().exists("WWW-Authenticate"));
        verifyNoInteractions(registrations);
    }

    @Test
    void shouldRefuseAnUnknownKeyWith401() throws Exception {
        mvc.perform(get("/api/registrations/t-1").header(TestKeys.HEADER, "guess"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldRefuseErasureToAPlatformClientWith403ProblemJson() throws Exception {
        mvc.perform(delete("/api/registrations/t-1").header(TestKeys.HEADER, TestKeys.PLATFORM))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(registrations);
    }

    @Test
    void shouldLetAnAdminErase() throws Exception {
        mvc.perform(delete("/api/registrations/t-1").header(TestKeys.HEADER, TestKeys.ADMIN))
                .andExpect(status().isNoContent());
        verify(registrations).erase("t-1");
    }

    @Test
    void shouldRejectAListOfAnUnknownCountryNamingIt() throws Exception {
        mvc.perform(
                        get("/api/registrations?country=Italy")
                                .header(TestKeys.HEADER, TestKeys.PLATFORM))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    @Test
    void shouldRejectAPageSizeAboveTheLimit() throws Exception {
        mvc.perform(get("/api/registrations?size=501").header(TestKeys.HEADER, TestKeys.PLATFORM))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
