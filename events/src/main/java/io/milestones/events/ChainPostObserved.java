package io.milestones.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A public post that answers the campaign's social chain was seen on a network. Key: {@link
 * #author()} (the author's network account), so one author's posts stay in order. Type {@code
 * io.milestones.chain.post.observed.v1}, on {@link Topics#SOCIAL_CHAIN}; {@code ce_id} is {@link
 * #eventId()} ({@code <network>:<postId>}), so a post read twice from the network is one event.
 *
 * <p>Carries no post text: the author's handle, the link to the original and the structure of the
 * chain (mentions, reply, quote, hashtags) are all the features need.
 *
 * @param campaign the campaign the post answers (its main hashtag, without {@code #})
 * @param network where it was posted
 * @param postId the network's id of the post (Mastodon status id, Bluesky {@code at://} URI)
 * @param url the public link to the original
 * @param author the author's network account (Mastodon {@code acct}, Bluesky DID)
 * @param language BCP 47 tag the author declared, if any
 * @param createdAt when the author posted it
 * @param mentions accounts the post tags, in the network's account form (may be empty)
 * @param inReplyTo the post it replies to, if any
 * @param quotes the post it quotes, if any
 * @param hashtags its hashtags, lower case, without {@code #}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainPostObserved(
        String campaign,
        ChainNetwork network,
        String postId,
        String url,
        String author,
        String language,
        Instant createdAt,
        List<String> mentions,
        String inReplyTo,
        String quotes,
        List<String> hashtags) {

    public ChainPostObserved {
        Require.text(campaign, "campaign");
        Require.present(network, "network");
        Require.text(postId, "postId");
        Require.text(author, "author");
        Require.present(createdAt, "createdAt");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }

    /** The {@code ce_id}: {@code <network>:<postId>}. */
    public String eventId() {
        return ChainPostDeleted.eventIdOf(network, postId, "observed");
    }
}
