package io.milestones.notifier.social;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Always on: writes each post to the log and keeps the latest ones for {@code GET
 * /api/social/posts}. With no network enabled it is the only publisher, so nothing reaches a real
 * network by accident; with networks enabled it shows what was announced (Mastodon's wording).
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
    public PublishedPost publish(SocialPost post) {
        log.info("Social post for {}:\n{}", post.milestoneId(), post.text());
        synchronized (recent) {
            recent.removeIf(p -> p.milestoneId().equals(post.milestoneId()));
            recent.addFirst(post);
            while (recent.size() > KEEP) {
                recent.removeLast();
            }
        }
        return new PublishedPost(post.milestoneId(), null, false);
    }

    /** The latest posts, newest first, one per milestone. */
    List<SocialPost> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
