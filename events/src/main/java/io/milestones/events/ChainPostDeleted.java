package io.milestones.events;

import java.time.Instant;

/**
 * The author deleted a post of the chain they had published. Key: {@link #author()}. Type {@code
 * io.milestones.chain.post.deleted.v1}, on {@link Topics#SOCIAL_CHAIN}. A deleted post leaves the
 * feed and the graph; it never decreases a participant count (a milestone once reached stays).
 *
 * @param campaign the campaign the post answered
 * @param network where it was posted
 * @param postId the network's id of the post
 * @param author the author's network account
 * @param deletedAt when the deletion was seen
 */
public record ChainPostDeleted(
        String campaign, ChainNetwork network, String postId, String author, Instant deletedAt) {

    public ChainPostDeleted {
        Require.text(campaign, "campaign");
        Require.present(network, "network");
        Require.text(postId, "postId");
        Require.text(author, "author");
        Require.present(deletedAt, "deletedAt");
    }

    /** The {@code ce_id}: {@code <network>:<postId>:deleted}. */
    public String eventId() {
        return eventIdOf(network, postId, "deleted");
    }

    static String eventIdOf(ChainNetwork network, String postId, String what) {
        String id = network.id() + ":" + postId;
        return what.equals("observed") ? id : id + ":" + what;
    }
}
