package io.milestones.chain.log;

import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What is committed on {@code social-chain}: every event id written (so a post read twice from a
 * network is written once) and the live posts with their author (so a Mastodon delete, which
 * carries only the status id, finds its author). Rebuilt from the topic at start-up.
 */
@Component
public class ChainState {

    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Map<String, ChainPostObserved> live = new ConcurrentHashMap<>();

    /** True when an event with this {@code ce_id} is already on the topic. */
    public boolean written(String eventId) {
        return written.contains(eventId);
    }

    /** The live (observed, not deleted) post, if it was ours. */
    public Optional<ChainPostObserved> live(ChainNetwork network, String postId) {
        return Optional.ofNullable(live.get(network.id() + ":" + postId));
    }

    /** Records an event that is now committed on the topic. */
    public void committed(Object event) {
        if (event instanceof ChainPostObserved post) {
            if (written.add(post.eventId())) {
                live.put(post.eventId(), post);
            }
        } else if (event instanceof ChainPostDeleted deleted) {
            written.add(deleted.eventId());
            live.remove(deleted.network().id() + ":" + deleted.postId());
        }
    }

    public int livePosts() {
        return live.size();
    }
}
