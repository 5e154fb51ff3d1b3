package io.milestones.chain.log;

/**
 * chain-service's position on one network stream, on the compacted {@code chain-cursors} topic.
 *
 * @param stream the stream ({@code bluesky:jetstream}, {@code mastodon:<host>:<tag>})
 * @param position Jetstream {@code time_us}, or the last Mastodon status id
 */
public record ChainCursor(String stream, String position) {}
