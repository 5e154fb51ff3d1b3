package io.milestones.chain.bluesky;

import io.milestones.chain.ChainMetrics;
import io.milestones.chain.ChainMetrics.BadInput;
import io.milestones.chain.stream.Json;
import io.milestones.chain.stream.StreamBatch;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostObserved;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Handles one Jetstream message ({@code {did, time_us, kind, commit}}). Jetstream carries every
 * Bluesky post, so the common case is cheap: a message that is no deletion and names none of the
 * tags only moves the position, without being parsed.
 */
public final class JetstreamEvents {

    private static final Set<String> OTHER_KINDS = Set.of("identity", "account");

    private final StreamBatch batch;
    private final BlueskyPosts posts;
    private final List<String> tags;
    private final ChainMetrics metrics;
    private final Clock clock;
    private final int maxEventBytes;

    public JetstreamEvents(
            StreamBatch batch,
            String campaign,
            List<String> tags,
            int maxMentions,
            int maxEventBytes,
            ChainMetrics metrics,
            Clock clock) {
        this.batch = batch;
        this.posts = new BlueskyPosts(campaign, tags, maxMentions);
        this.tags = tags;
        this.metrics = metrics;
        this.clock = clock;
        this.maxEventBytes = maxEventBytes;
    }

    /** Handles a whole message; bad input is counted and skipped, the position moves on. */
    public void handle(String message) {
        if (message.length() > maxEventBytes) {
            metrics.skipped(ChainNetwork.BLUESKY, "oversized");
            batch.advanced(timeUs(message));
            return;
        }
        if (!message.contains("\"delete\"") && !mentionsATag(message)) {
            batch.advanced(timeUs(message));
            return;
        }
        JsonNode event;
        try {
            event = Json.parse(message);
        } catch (BadInput e) {
            metrics.skipped(ChainNetwork.BLUESKY, e.reason());
            batch.advanced(timeUs(message));
            return;
        }
        String at =
                event.path("time_us").isIntegralNumber() ? event.get("time_us").asString() : null;
        ChainPostObserved post;
        String deleted;
        try {
            String did = Json.text(event, "did");
            String kind = Json.text(event, "kind");
            if (at == null || did == null) {
                throw new BadInput("missing-field", "no did or time_us");
            }
            if (OTHER_KINDS.contains(kind)) {
                batch.advanced(at);
                return;
            }
            JsonNode commit = event.path("commit");
            if (!"commit".equals(kind)) {
                throw new BadInput("unknown-event", "kind " + kind);
            }
            String rkey = Json.text(commit, "rkey");
            String operation = Json.text(commit, "operation");
            if (!BlueskyPosts.POST.equals(Json.text(commit, "collection")) || rkey == null) {
                batch.advanced(at);
                return;
            }
            if ("delete".equals(operation)) {
                post = null;
                deleted = BlueskyPosts.uri(did, rkey);
            } else if ("create".equals(operation) && commit.path("record").isObject()) {
                post = posts.read(did, rkey, commit.get("record"));
                deleted = null;
            } else if ("update".equals(operation)) {
                batch.advanced(at);
                return;
            } else {
                throw new BadInput("unknown-event", "operation " + operation);
            }
        } catch (BadInput e) {
            metrics.skipped(ChainNetwork.BLUESKY, e.reason());
            batch.advanced(at);
            return;
        } catch (IllegalArgumentException e) {
            metrics.skipped(ChainNetwork.BLUESKY, "invalid");
            batch.advanced(at);
            return;
        }
        if (deleted != null) {
            batch.deleted(deleted, clock.instant(), at);
        } else if (post != null) {
            batch.observed(post, at);
        } else {
            batch.advanced(at);
        }
    }

    private boolean mentionsATag(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (String tag : tags) {
            if (lower.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /** {@code time_us} without parsing the message; null when absent. */
    static String timeUs(String message) {
        int key = message.indexOf("\"time_us\"");
        if (key < 0) {
            return null;
        }
        int i = message.indexOf(':', key) + 1;
        while (i < message.length() && message.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < message.length() && Character.isDigit(message.charAt(i))) {
            i++;
        }
        return i > start ? message.substring(start, i) : null;
    }
}
