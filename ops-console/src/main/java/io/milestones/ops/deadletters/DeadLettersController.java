package io.milestones.ops.deadletters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browse a dead-letter topic (masked, paged, newest first) and replay selected records. */
@RestController
class DeadLettersController {

    private static final String DLT = "[A-Za-z0-9._-]+-dlt";

    private final DeadLetterReader reader;
    private final ReplayService replay;

    DeadLettersController(DeadLetterReader reader, ReplayService replay) {
        this.reader = reader;
        this.replay = replay;
    }

    @GetMapping("/api/ops/dead-letters/{topic}")
    DeadLetterReader.DeadLetterPage page(
            @PathVariable @Pattern(regexp = DLT, message = "must be a dead-letter topic (*-dlt)")
                    String topic,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return reader.page(topic, page, size);
    }

    @PostMapping("/api/ops/dead-letters/{topic}/replay")
    List<ReplayResult> replay(
            @PathVariable @Pattern(regexp = DLT, message = "must be a dead-letter topic (*-dlt)")
                    String topic,
            @Valid @RequestBody ReplayRequest request,
            Principal principal) {
        return replay.replay(topic, request, principal.getName());
    }
}
