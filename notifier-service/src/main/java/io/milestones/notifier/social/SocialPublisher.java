package io.milestones.notifier.social;

/** A social network the community's account posts to. */
public interface SocialPublisher {

    /** The network's name, e.g. {@code mastodon}. */
    String network();

    /** Publishes {@code post}. */
    void publish(SocialPost post);
}
