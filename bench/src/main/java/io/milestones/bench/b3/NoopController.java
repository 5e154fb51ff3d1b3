package io.milestones.bench.b3;

import io.milestones.registration.registration.RegistrationRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * B3's reference endpoint, added to the registration-service only in the benchmark: behind the same
 * filters and API-key check as {@code POST /api/registrations}, it reads the same JSON body into a
 * {@link RegistrationRequest} and answers 201, but validates, stores and publishes nothing.
 */
@RestController
public class NoopController {

    /** Under {@code /api/registrations} so that the same security rule (PLATFORM) applies. */
    public static final String PATH = "/api/registrations/bench-noop";

    @PostMapping(PATH)
    ResponseEntity<Map<String, String>> noop(@RequestBody RegistrationRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("teacherId", request.teacherId()));
    }
}
