package io.milestones.chain.graph;

import java.time.Instant;

/**
 * An admin's decision about one post, on the compacted {@code chain-moderation} topic (key = {@link
 * #post()}); the latest per post holds.
 *
 * @param post {@code <network>:<postId>}
 * @param hidden {@code true}: left out of the public feed; {@code false}: shown again
 * @param at when the admin decided
 */
public record ChainModeration(String post, boolean hidden, Instant at) {}
