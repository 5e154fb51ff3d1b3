package io.milestones.notifier.social;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The posts the log publisher would have published, newest first. */
@RestController
class SocialPostsController {

    private final LogSocialPublisher logPublisher;

    SocialPostsController(LogSocialPublisher logPublisher) {
        this.logPublisher = logPublisher;
    }

    @GetMapping("/api/social/posts")
    List<SocialPost> recent() {
        return logPublisher.recent();
    }
}
