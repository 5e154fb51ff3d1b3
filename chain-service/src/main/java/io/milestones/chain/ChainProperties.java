package io.milestones.chain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of chain-service ({@code milestones.chain.*} in {@code chain-service.yml}).
 *
 * @param campaign the campaign every accepted post is counted for (its main hashtag, no {@code #})
 * @param tags hashtags that make a post part of the chain, without {@code #}, any case
 * @param partitions partitions of {@code social-chain} when the service creates it
 * @param replicas replication factor of the topics it creates
 * @param mastodon the Mastodon stream
 * @param bluesky the Bluesky Jetstream stream
 * @param stream reconnection and batching, for every stream
 * @param limits what counts as bad input
 */
@Validated
@ConfigurationProperties("milestones.chain")
public record ChainProperties(
        @NotBlank String campaign,
        @NotEmpty List<String> tags,
        @Min(1) int partitions,
        @Min(1) short replicas,
        @Valid @NotNull Mastodon mastodon,
        @Valid @NotNull Bluesky bluesky,
        @Valid @NotNull Stream stream,
        @Valid @NotNull Limits limits) {

    /** The tags in lower case, as they are compared. */
    public List<String> normalizedTags() {
        return tags.stream().map(t -> t.replace("#", "").toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * @param enabled follow Mastodon
     * @param baseUrl the instance, e.g. {@code https://mastodon.social}
     * @param accessToken bearer token (streaming needs one since Mastodon 4.2); empty = anonymous
     * @param catchUpPageSize statuses per page of the hashtag timeline catch-up (Mastodon: 40 max)
     */
    public record Mastodon(
            boolean enabled,
            @NotNull URI baseUrl,
            String accessToken,
            @Min(1) int catchUpPageSize) {

        public String host() {
            return baseUrl.getHost();
        }

        @Override
        public String toString() {
            return "Mastodon[enabled=" + enabled + ", baseUrl=" + baseUrl + ", accessToken=***]";
        }
    }

    /**
     * @param enabled follow Bluesky
     * @param jetstreamUrl the Jetstream {@code /subscribe} endpoint
     */
    public record Bluesky(boolean enabled, @NotNull URI jetstreamUrl) {}

    /**
     * @param heartbeatTimeout a stream silent this long is closed and reconnected
     * @param backoffInitial first wait before reconnecting
     * @param backoffMax longest wait between reconnections
     * @param flushInterval longest time an accepted post waits before its transaction commits
     * @param maxBatch posts per transaction at most
     * @param cursorInterval how often the position is written even when no post matched
     */
    public record Stream(
            @NotNull Duration heartbeatTimeout,
            @NotNull Duration backoffInitial,
            @NotNull Duration backoffMax,
            @NotNull Duration flushInterval,
            @Min(1) int maxBatch,
            @NotNull Duration cursorInterval) {}

    /**
     * @param maxEventBytes a network event larger than this is skipped (reason {@code oversized})
     * @param maxMentions a post tagging more accounts is skipped (reason {@code too-many-mentions})
     */
    public record Limits(@Min(1) int maxEventBytes, @Min(0) int maxMentions) {}
}
