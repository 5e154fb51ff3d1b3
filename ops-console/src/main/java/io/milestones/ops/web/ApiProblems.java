package io.milestones.ops.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Bad API requests as RFC 9457 problem+json with an {@code errors} list naming each field. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var errors =
                ex.getBindingResult().getFieldErrors().stream()
                        .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                        .toList();
        return invalid(errors, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var errors =
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
                        .toList();
        return invalid(errors, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field =
                ex.getCause() instanceof tools.jackson.core.JacksonException jackson
                        ? jackson.getPath().stream()
                                .map(
                                        ref ->
                                                ref.getPropertyName() != null
                                                        ? ref.getPropertyName()
                                                        : "[" + ref.getIndex() + "]")
                                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                                .orElse("")
                        : "";
        return invalid(
                List.of(new FieldError(field, "is missing, of the wrong type, or not JSON")),
                ex,
                headers,
                request);
    }

    private ResponseEntity<Object> invalid(
            List<FieldError> errors, Exception ex, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        errors.isEmpty()
                                ? "invalid request"
                                : errors.get(0).field() + " " + errors.get(0).message());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * @param field the bad field or parameter
     * @param message what is wrong with it
     */
    record FieldError(String field, String message) {}
}
