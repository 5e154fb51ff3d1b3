package io.milestones.milestone.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The counts store is not queryable yet (starting, restoring, rebalancing): answer 503. */
class CountsUnavailableException extends ErrorResponseException {

    CountsUnavailableException(String state) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        getBody().setType(URI.create("urn:milestones:problem:counts-unavailable"));
        getBody().setTitle("Counts not available yet");
        getBody().setDetail("the counting engine is " + state + "; retry in a few seconds");
        getHeaders().set("Retry-After", "2");
    }
}
