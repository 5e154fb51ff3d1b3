package io.milestones.notifier.social;

/**
 * A post the network holds.
 *
 * @param postId the network's id (status id, at:// URI, tweet id); {@code null} when unknown
 * @param url a link to it, when the network gives one
 * @param alreadyPosted the network already had this post (idempotent repeat, duplicate)
 */
public record PublishedPost(String postId, String url, boolean alreadyPosted) {}
