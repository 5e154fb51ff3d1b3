package io.milestones.registration.web;

import io.milestones.support.web.FieldProblems;
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
        return FieldProblems.invalid(List.of(new FieldProblems.FieldError(field, message)));
    }
}
