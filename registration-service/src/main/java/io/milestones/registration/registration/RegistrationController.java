package io.milestones.registration.registration;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's API: one call per teacher who signs up. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping
    ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegistrationRequest request) {
        var registered =
                registrations.register(
                        new RegistrationService.NewTeacher(
                                request.teacherId(),
                                request.email(),
                                request.displayName(),
                                request.country(),
                                request.language(),
                                request.consents() != null
                                        && request.consents().milestoneEmails()));
        var event = registered.event();
        return ResponseEntity.created(URI.create("/api/registrations/" + event.teacherId()))
                .body(
                        new RegistrationResponse(
                                event.teacherId(), registered.eventId(), event.registeredAt()));
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(PublishFailedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + "; retry later");
        problem.setTitle("Registration not accepted");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(problem);
    }

    /**
     * @param teacherId the registered teacher
     * @param eventId the CloudEvents id of the published {@code TeacherRegistered}
     * @param registeredAt the event time recorded
     */
    record RegistrationResponse(String teacherId, String eventId, Instant registeredAt) {}
}
