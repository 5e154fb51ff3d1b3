package io.milestones.ops.topics;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The cluster did not answer in time: 503 problem+json. */
public class KafkaUnavailableException extends ErrorResponseException {

    public KafkaUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, cause);
        getBody().setType(URI.create("urn:milestones:problem:kafka-unavailable"));
        getBody().setTitle("Kafka unavailable");
        getBody()
                .setDetail("the Kafka cluster did not answer: " + cause.getClass().getSimpleName());
        getHeaders().set("Retry-After", "5");
    }
}
