package io.milestones.chain.graph;

import io.milestones.events.EventJson;
import io.milestones.events.Topics;
import io.milestones.support.web.FieldProblems;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * An admin hides a post from the public feed, or shows it again; needs {@code X-API-Key}. The
 * decision goes to the compacted {@code chain-moderation} topic, so every instance and every
 * restart applies it; the metrics are not changed by it.
 */
@RestController
class ModerationController {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ChainGraphProperties properties;
    private final Clock clock;

    ModerationController(
            KafkaTemplate<String, byte[]> kafka, ChainGraphProperties properties, Clock clock) {
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Hide a post (its feed id) from the public feed")
    @PostMapping("/api/admin/chain/posts/{id}/hidden")
    ResponseEntity<?> hide(
            @RequestHeader(name = "X-API-Key", required = false) String key,
            @PathVariable String id) {
        return decide(key, id, true);
    }

    @Operation(summary = "Show a hidden post again")
    @DeleteMapping("/api/admin/chain/posts/{id}/hidden")
    ResponseEntity<?> show(
            @RequestHeader(name = "X-API-Key", required = false) String key,
            @PathVariable String id) {
        return decide(key, id, false);
    }

    private ResponseEntity<?> decide(String key, String id, boolean hidden) {
        authorise(key);
        var post = FeedPost.eventIdOf(id);
        if (post.isEmpty()) {
            ProblemDetail problem =
                    FieldProblems.invalid(
                            List.of(
                                    new FieldProblems.FieldError(
                                            "id",
                                            "must be a post id from the feed (base64url of"
                                                    + " <network>:<postId>)")));
            return ResponseEntity.badRequest().body(problem);
        }
        var decision = new ChainModeration(post.get(), hidden, clock.instant());
        kafka.executeInTransaction(
                ops ->
                        ops.send(
                                Topics.CHAIN_MODERATION,
                                decision.post(),
                                EventJson.write(decision)));
        return ResponseEntity.noContent().build();
    }

    private void authorise(String key) {
        String expected = properties.adminApiKey();
        if (expected.isEmpty()
                || key == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        key.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "X-API-Key missing or wrong");
        }
    }
}
