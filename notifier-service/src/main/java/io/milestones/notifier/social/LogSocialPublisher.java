package io.milestones.notifier.social;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default publisher: writes the post it would publish to the log and keeps the latest ones for
 * {@code GET /api/social/posts}, so nothing reaches a real network by accident.
 */
@Component
class LogSocialPublisher implements SocialPublisher {

    private static final Logger log = LoggerFactory.getLogger(LogSocialPublisher.class);
    private static final int KEEP = 100;

    private final Deque<SocialPost> recent = new ArrayDeque<>();

    @Override
    public String network() {
        return "log";
    }

    @Override
    public void publish(SocialPost post) {
        log.info("Social post for {}:\n{}", post.milestoneId(), post.text());
        synchronized (recent) {
            recent.addFirst(post);
            while (recent.size() > KEEP) {
                recent.removeLast();
            }
        }
    }

    /** The latest posts, newest first. */
    List<SocialPost> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
