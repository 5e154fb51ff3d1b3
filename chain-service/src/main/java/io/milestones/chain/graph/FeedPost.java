package io.milestones.chain.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One public answer in the feed: the link to the original, the author's account, where and when. No
 * text.
 *
 * @param id the post's reference in the admin API: {@code <network>:<postId>} in base64url, since a
 *     Bluesky post id is an {@code at://} URI that no path segment can carry
 * @param network {@code mastodon}, {@code bluesky}, {@code x}
 * @param author the author's account as the network shows it (Mastodon {@code user@host}, Bluesky
 *     DID)
 * @param url the public link to the original
 * @param createdAt when the author posted it
 * @param eventId {@code <network>:<postId>}
 */
public record FeedPost(
        String id,
        String network,
        String author,
        String url,
        Instant createdAt,
        @JsonIgnore String eventId) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The {@link #id()} of the post with this {@code <network>:<postId>}. */
    public static String idOf(String eventId) {
        return ENCODER.encodeToString(eventId.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code <network>:<postId>} an {@link #id()} stands for, if it is one. */
    public static Optional<String> eventIdOf(String id) {
        try {
            String eventId = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = eventId.indexOf(':');
            if (colon < 1 || colon == eventId.length() - 1 || !idOf(eventId).equals(id)) {
                return Optional.empty();
            }
            String network = eventId.substring(0, colon);
            boolean known =
                    java.util.Arrays.stream(io.milestones.events.ChainNetwork.values())
                            .anyMatch(n -> n.id().equals(network));
            return known ? Optional.of(eventId) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
