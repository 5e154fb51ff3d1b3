package io.milestones.milestone.api;

import io.milestones.events.Scope;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The {@code scope} query parameter ({@code global}, {@code country:IT}); 400 when malformed. */
final class ScopeParameter {

    private ScopeParameter() {}

    static String idOrNull(String scope) {
        if (scope == null) {
            return null;
        }
        try {
            return Scope.fromId(scope).id();
        } catch (IllegalArgumentException e) {
            var problem = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            problem.getBody().setType(URI.create("urn:milestones:problem:invalid-request"));
            problem.getBody().setTitle("Invalid request");
            problem.getBody().setDetail("scope: " + e.getMessage());
            problem.getBody()
                    .setProperty(
                            "errors", List.of(Map.of("field", "scope", "message", e.getMessage())));
            throw problem;
        }
    }
}
