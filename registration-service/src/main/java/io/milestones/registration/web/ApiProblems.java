package io.milestones.registration.web;

import io.milestones.registration.registration.RegistrationMetrics;
import io.milestones.support.web.FieldProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error as RFC 9457 {@code application/problem+json}; a bad request names each bad field in
 * an {@code errors} array of {@code {field, message}}; a body over the limit is 413. Invalid
 * registrations are counted ({@code milestones.registrations{outcome=rejected,reason=invalid}}).
 */
@RestControllerAdvice
class ApiProblems extends FieldProblems {

    private final ObjectProvider<RegistrationMetrics> metrics;

    ApiProblems(ObjectProvider<RegistrationMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void invalidRequest(WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && "POST".equals(servlet.getRequest().getMethod())
                && "/api/registrations".equals(servlet.getRequest().getRequestURI())) {
            metrics.ifAvailable(m -> m.rejected("invalid"));
        }
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedRequest.TooLarge tooLarge) {
                return handleExceptionInternal(
                        ex,
                        BodySizeLimit.tooLarge(tooLarge.limit),
                        headers,
                        HttpStatus.CONTENT_TOO_LARGE,
                        request);
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }
}
