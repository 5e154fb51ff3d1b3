package io.milestones.chain.graph;

import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The graph of one campaign's chain, built from {@code social-chain}: who joined, who tagged them,
 * and the latest public answers (docs/decisions/0701).
 *
 * <p>Participants are accounts per network ({@code mastodon:anna@example.social}). A participant
 * was <em>brought in</em> by another when that one tagged them before their first post (a
 * <em>conversion</em>), or else when their first post replies to or quotes that one's post. Each
 * participant has at most one such parent, who joined strictly earlier, so the links form a forest:
 * every tree is a separate chain, its depth the length of the chain.
 *
 * <p>Everything is derived from event times, never from arrival order: the topic's partitions are
 * read back interleaved, and the same events in any order give the same metrics. A deletion takes
 * the post out of the feed only; like the participant count in milestone-service, the metrics never
 * decrease. Not thread-safe: {@link ChainGraphs} guards it.
 */
final class ChainGraph {

    private final String campaign;
    private final int feedCapacity;
    private final Map<String, Participant> participants = new HashMap<>();

    /** {@code <network>:<postId>} → participant key, to find whose post a reply answers. */
    private final Map<String, String> postAuthors = new HashMap<>();

    /** Tagged account ({@code <network>:<account>}) → the earliest tag. */
    private final Map<String, Tag> firstTags = new HashMap<>();

    /** The newest live posts, newest first, at most {@link #feedCapacity}. */
    private final TreeSet<FeedPost> feed =
            new TreeSet<>(
                    Comparator.comparing(FeedPost::createdAt)
                            .thenComparing(FeedPost::id)
                            .reversed());

    private final Map<String, FeedPost> feedById = new HashMap<>();
    private final Set<String> deleted = new HashSet<>();

    ChainGraph(String campaign, int feedCapacity) {
        this.campaign = campaign;
        this.feedCapacity = feedCapacity;
    }

    private static final class Participant {
        final String key;
        final ChainNetwork network;
        Instant firstAt;
        String language;
        String firstRepliesTo;

        Participant(String key, ChainNetwork network) {
            this.key = key;
            this.network = network;
        }
    }

    private record Tag(String by, Instant at) {}

    /** Applies an observed post; a post seen before changes nothing. */
    void observed(ChainPostObserved post) {
        String id = post.eventId();
        if (postAuthors.containsKey(id)) {
            return;
        }
        String author = account(post.network(), post.author());
        postAuthors.put(id, author);
        Participant p =
                participants.computeIfAbsent(author, k -> new Participant(k, post.network()));
        if (p.firstAt == null || post.createdAt().isBefore(p.firstAt)) {
            p.firstAt = post.createdAt();
            p.language = post.language();
            String target = post.inReplyTo() != null ? post.inReplyTo() : post.quotes();
            p.firstRepliesTo = target == null ? null : post.network().id() + ":" + target;
        }
        for (String mention : post.mentions()) {
            String tagged = account(post.network(), mention);
            Tag earlier = firstTags.get(tagged);
            if (!tagged.equals(author)
                    && (earlier == null || post.createdAt().isBefore(earlier.at()))) {
                firstTags.put(tagged, new Tag(author, post.createdAt()));
            }
        }
        if (!deleted.contains(id)) {
            addToFeed(
                    new FeedPost(
                            FeedPost.idOf(id),
                            post.network().id(),
                            post.author(),
                            post.url(),
                            post.createdAt(),
                            id));
        }
    }

    /** The author deleted a post: it leaves the feed, the graph keeps what it proved. */
    void deleted(ChainPostDeleted deletion) {
        String id = deletion.network().id() + ":" + deletion.postId();
        deleted.add(id);
        FeedPost shown = feedById.remove(id);
        if (shown != null) {
            feed.remove(shown);
        }
    }

    private void addToFeed(FeedPost post) {
        if (feed.size() >= feedCapacity && feed.comparator().compare(post, feed.last()) > 0) {
            return; // older than everything kept
        }
        feed.add(post);
        feedById.put(post.eventId(), post);
        while (feed.size() > feedCapacity) {
            feedById.remove(feed.pollLast().eventId());
        }
    }

    /** The metrics now, and the newest {@code limit} posts not in {@code hidden}. */
    ChainSummary summary(int limit, Set<String> hidden) {
        List<Participant> byJoin = new ArrayList<>(participants.values());
        byJoin.sort(Comparator.comparing((Participant p) -> p.firstAt).thenComparing(p -> p.key));
        Map<String, Integer> depth = new HashMap<>(byJoin.size() * 2);
        Map<String, Long> byNetwork = new TreeMap<>();
        Map<String, Long> byLanguage = new TreeMap<>();
        long conversions = 0;
        long chains = 0;
        int longest = 0;
        for (Participant p : byJoin) {
            String parent = null;
            Tag tag = firstTags.get(p.key);
            if (tag != null && tag.at().isBefore(p.firstAt)) {
                parent = tag.by();
                conversions++;
            } else if (p.firstRepliesTo != null) {
                String answered = postAuthors.get(p.firstRepliesTo);
                if (answered != null
                        && !answered.equals(p.key)
                        && participants.get(answered).firstAt.isBefore(p.firstAt)) {
                    parent = answered;
                }
            }
            // a parent joined strictly earlier, so it is already in the map
            int d = parent == null ? 1 : depth.get(parent) + 1;
            depth.put(p.key, d);
            if (parent == null) {
                chains++;
            }
            longest = Math.max(longest, d);
            byNetwork.merge(p.network.id(), 1L, Long::sum);
            byLanguage.merge(p.language == null ? "und" : p.language, 1L, Long::sum);
        }
        List<FeedPost> latest =
                feed.stream().filter(f -> !hidden.contains(f.eventId())).limit(limit).toList();
        return new ChainSummary(
                campaign,
                participants.size(),
                conversions,
                longest,
                chains,
                byNetwork,
                byLanguage,
                latest);
    }

    private static String account(ChainNetwork network, String account) {
        return network.id() + ":" + account;
    }
}
