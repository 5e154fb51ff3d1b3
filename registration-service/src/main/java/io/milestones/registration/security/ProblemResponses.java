package io.milestones.registration.security;

import io.milestones.registration.web.ProblemJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as RFC 9457 problem+json, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Authentication required",
                    "send a valid API key in the " + ApiKeyFilter.HEADER + " header");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) ->
                write(
                        response,
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Not allowed",
                        "this API key lacks the role this operation needs");
    }

    private static void write(
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:milestones:problem:" + type));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        ProblemJson.write(response.getOutputStream(), problem);
    }
}
