package io.milestones.registration.web;

import io.milestones.registration.registration.RegistrationProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 (problem+json) to a registration body larger than {@code
 * milestones.registration.max-body-size}, before anything reads it. A body without a length
 * (chunked) is counted while it is read; {@link ApiProblems} refuses it the same way.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

    static final URI TOO_LARGE = URI.create("urn:milestones:problem:payload-too-large");

    private final long limit;

    BodySizeLimit(RegistrationProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/registrations");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            ProblemJson.write(response.getOutputStream(), tooLarge(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static ProblemDetail tooLarge(long limit) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "the request body is larger than " + limit + " bytes");
        problem.setType(TOO_LARGE);
        problem.setTitle("Request body too large");
        return problem;
    }
}
