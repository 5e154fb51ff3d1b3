package io.milestones.registration.web;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ProblemDetail} outside Spring MVC (servlet filters, security handlers) exactly as
 * MVC does: Spring's mixin leaves unset members out and puts {@code properties} at the top level.
 */
public final class ProblemJson {

    private static final JsonMapper JSON =
            JsonMapper.builder()
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                    .build();

    private ProblemJson() {}

    public static void write(OutputStream out, ProblemDetail problem) throws IOException {
        JSON.writeValue(out, problem);
    }
}
