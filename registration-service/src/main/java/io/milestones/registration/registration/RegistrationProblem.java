package io.milestones.registration.registration;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the registry refuses; rendered as RFC 9457 problem+json by Spring MVC. Messages never
 * carry the personal data of the request or of the row it collided with.
 */
public final class RegistrationProblem extends ErrorResponseException {

    private final String reason;

    private RegistrationProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
        this.reason = type;
    }

    /** The problem's fixed slug ({@code email-taken}, ...), for metrics and logs. */
    String reason() {
        return reason;
    }

    private static ProblemDetail problem(
            HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:milestones:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    static RegistrationProblem emailTaken() {
        return new RegistrationProblem(
                HttpStatus.CONFLICT,
                "email-taken",
                "E-mail address already registered",
                "email is already registered under another teacherId");
    }

    static RegistrationProblem teacherIdTaken() {
        return new RegistrationProblem(
                HttpStatus.CONFLICT,
                "teacher-id-taken",
                "Teacher already registered",
                "teacherId is already registered with different data");
    }

    static RegistrationProblem erased() {
        return new RegistrationProblem(
                HttpStatus.CONFLICT,
                "teacher-erased",
                "Teacher erased",
                "the personal data of this teacherId was erased; it cannot register again");
    }

    static RegistrationProblem idempotencyKeyReused() {
        return new RegistrationProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "this Idempotency-Key was used for a different request");
    }

    static RegistrationProblem notFound() {
        return new RegistrationProblem(
                HttpStatus.NOT_FOUND,
                "teacher-not-found",
                "Teacher not found",
                "no teacher is registered under this teacherId");
    }
}
