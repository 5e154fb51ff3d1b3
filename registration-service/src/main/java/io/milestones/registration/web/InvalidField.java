package io.milestones.registration.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 naming one bad field (or header, or parameter), in the shape of {@link ApiProblems}. */
public final class InvalidField extends ErrorResponseException {

    public InvalidField(String field, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, message), null);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setType(ApiProblems.INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new ApiProblems.FieldError(field, message)));
        return problem;
    }
}
