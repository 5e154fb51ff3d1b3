package io.milestones.support.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 {@code application/problem+json}; a bad request names each bad field in
 * an {@code errors} array of {@code {field, message}}: bean validation of a body or of parameters,
 * an unknown JSON field, a value of the wrong type. A service extends it with its own
 * {@code @RestControllerAdvice} (and may override {@link #invalidRequest(WebRequest)} to count
 * them).
 */
public abstract class FieldProblems extends ResponseEntityExceptionHandler {

    /** The {@code type} of every invalid-request problem. */
    public static final URI INVALID_REQUEST = URI.create("urn:milestones:problem:invalid-request");

    /** A 400 problem naming {@code errors}, as every service answers a bad request. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        errors.size() == 1
                                ? describe(errors.get(0))
                                : errors.size() + " fields are invalid");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Called for every request answered 400 here; a hook for metrics. */
    protected void invalidRequest(WebRequest request) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldError> errors =
                ex.getBindingResult().getFieldErrors().stream()
                        .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                        .sorted(Comparator.comparing(FieldError::field))
                        .toList();
        return invalid(errors, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldError> errors =
                ex.getParameterValidationResults().stream()
                        .flatMap(
                                result ->
                                        result.getResolvableErrors().stream()
                                                .map(
                                                        error ->
                                                                new FieldError(
                                                                        result.getMethodParameter()
                                                                                .getParameterName(),
                                                                        error.getDefaultMessage())))
                        .sorted(Comparator.comparing(FieldError::field))
                        .toList();
        return invalid(errors, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        FieldError error;
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            error = new FieldError(path(unknown), "is not a known field");
        } else if (ex.getCause() instanceof JacksonException jackson
                && !jackson.getPath().isEmpty()) {
            error = new FieldError(path(jackson), "has the wrong type or format");
        } else {
            error = new FieldError("", "the body is not readable JSON");
        }
        return invalid(List.of(error), ex, headers, request);
    }

    private ResponseEntity<Object> invalid(
            List<FieldError> errors, Exception ex, HttpHeaders headers, WebRequest request) {
        invalidRequest(request);
        return handleExceptionInternal(
                ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String describe(FieldError error) {
        return error.field().isEmpty() ? error.message() : error.field() + " " + error.message();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * @param field the JSON path of the bad field (or the parameter's name), empty when the whole
     *     body is bad
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {}
}
