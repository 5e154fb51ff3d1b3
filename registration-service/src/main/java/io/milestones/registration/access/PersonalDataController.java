package io.milestones.registration.access;

import io.milestones.registration.registration.RegistrationService;
import io.milestones.registration.registration.Teacher;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A teacher's right of access (GDPR Art. 15), ADMIN only: every personal field held about them in
 * the registry and in the notifier (subscriptions, deliveries, suppressions, name), unmasked, as
 * one JSON document. The notifier's part is asked for at once; if it does not answer the request
 * fails (503) rather than answer incompletely.
 */
@RestController
class PersonalDataController {

    private final RegistrationService registrations;
    private final NotifierClient notifier;

    PersonalDataController(RegistrationService registrations, NotifierClient notifier) {
        this.registrations = registrations;
        this.notifier = notifier;
    }

    @GetMapping("/api/registrations/{teacherId}/personal-data")
    PersonalData personalData(@PathVariable String teacherId) {
        Registry registry = registrations.find(teacherId).map(Registry::of).orElse(null);
        try {
            return new PersonalData(teacherId, registry, notifier.personalData(teacherId));
        } catch (NotifierClient.NotifierUnavailable e) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "notifier-service did not answer; the personal data would be"
                                    + " incomplete");
            problem.setType(URI.create("urn:milestones:problem:notifier-unavailable"));
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
        }
    }

    /**
     * @param teacherId the teacher asked about
     * @param registry the registry's row; {@code null} when the registry never held one
     * @param notifier what notifier-service holds (its {@code NotifierPersonalData})
     */
    record PersonalData(String teacherId, Registry registry, JsonNode notifier) {}

    /**
     * The registry's row; {@code email} and {@code displayName} are {@code null} once erased.
     *
     * @param email the address
     * @param displayName the name
     * @param country ISO 3166-1 alpha-2
     * @param language BCP 47
     * @param milestoneEmails consent to milestone e-mails
     * @param publicName consent to be named
     * @param baseline imported from before the system existed
     * @param registeredAt when the teacher registered
     * @param erasedAt when the personal data was erased, if it was
     */
    record Registry(
            String email,
            String displayName,
            String country,
            String language,
            boolean milestoneEmails,
            boolean publicName,
            boolean baseline,
            Instant registeredAt,
            Instant erasedAt) {
        static Registry of(Teacher t) {
            return new Registry(
                    t.email(),
                    t.displayName(),
                    t.country(),
                    t.language(),
                    t.milestoneEmails(),
                    t.publicName(),
                    t.baseline(),
                    t.registeredAt(),
                    t.erasedAt());
        }
    }
}
