package io.milestones.notifier.subscription;

import io.milestones.support.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/subscriptions}: always 202 with the same body, whether the address is new,
 * pending or subscribed already; 429 when a client or an address asks too often.
 */
@RestController
class SubscriptionController {

    static final URI TOO_MANY_REQUESTS = URI.create("urn:milestones:problem:too-many-requests");
    static final Map<String, String> ACCEPTED =
            Map.of(
                    "status",
                    "accepted",
                    "detail",
                    "If this address can receive e-mail, a message with a link to confirm is on"
                            + " its way.");

    private final SubscriptionService subscriptions;
    private final RateLimitProperties limits;
    private final RequestRateLimiter limiter;

    SubscriptionController(
            SubscriptionService subscriptions, RateLimitProperties limits, Clock clock) {
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.limiter = new RequestRateLimiter(clock, limits.window());
    }

    @PostMapping("/api/subscriptions")
    ResponseEntity<?> subscribe(
            @Valid @RequestBody SubscriptionRequest body, HttpServletRequest request) {
        boolean clientOk =
                limiter.tryAcquire("client:" + request.getRemoteAddr(), limits.perClient());
        boolean addressOk =
                limiter.tryAcquire(
                        "address:" + sha256(Emails.normalise(body.email())), limits.perAddress());
        if (!clientOk || !addressOk) {
            return tooManyRequests();
        }
        subscriptions.request(
                body.email(), body.language(), Scopes.of(body.global(), body.countries()));
        return ResponseEntity.accepted().body(ACCEPTED);
    }

    private ResponseEntity<ProblemDetail> tooManyRequests() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many subscription requests; try again later.");
        problem.setType(TOO_MANY_REQUESTS);
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(limiter.secondsToNextWindow()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String sha256(String value) {
        return Sha256.hex(value);
    }
}
