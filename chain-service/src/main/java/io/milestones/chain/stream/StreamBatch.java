package io.milestones.chain.stream;

import io.milestones.chain.ChainMetrics;
import io.milestones.chain.log.ChainCursor;
import io.milestones.chain.log.ChainLog;
import io.milestones.chain.log.ChainState;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events one stream has read but not yet committed, and its position. Posts already on the
 * topic (or already pending) are dropped here, so an overlap after a reconnect or a restart writes
 * nothing twice. A batch commits with its position when it is full or old enough; the position
 * alone is written every {@code cursorInterval}, so a restart does not replay a long quiet stretch.
 */
public final class StreamBatch {

    private final String stream;
    private final ChainNetwork network;
    private final ChainLog log;
    private final ChainState state;
    private final ChainMetrics metrics;
    private final int maxBatch;
    private final long flushNanos;
    private final long cursorNanos;

    private final List<Object> pending = new ArrayList<>();
    private final Set<String> pendingIds = new HashSet<>();
    private final Map<String, ChainPostObserved> pendingPosts = new HashMap<>();
    private String position;
    private String committedPosition;
    private long oldestPending;
    private long lastCommit = System.nanoTime();

    public StreamBatch(
            String stream,
            ChainNetwork network,
            String committedPosition,
            ChainLog log,
            ChainState state,
            ChainMetrics metrics,
            int maxBatch,
            Duration flushInterval,
            Duration cursorInterval) {
        this.stream = stream;
        this.network = network;
        this.committedPosition = committedPosition;
        this.position = committedPosition;
        this.log = log;
        this.state = state;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        this.flushNanos = flushInterval.toNanos();
        this.cursorNanos = cursorInterval.toNanos();
    }

    public String stream() {
        return stream;
    }

    /** The position the stream resumes from: everything before it is committed. */
    public synchronized String committedPosition() {
        return committedPosition;
    }

    /** A post of the chain, read at {@code at} (null: the position does not move). */
    public synchronized void observed(ChainPostObserved post, String at) {
        String id = post.eventId();
        if (!state.written(id) && pendingIds.add(id)) {
            add(post);
            pendingPosts.put(post.postId(), post);
        }
        moveTo(at);
    }

    /** The author deleted {@code postId}; written only for a live post of ours. */
    public synchronized void deleted(String postId, Instant deletedAt, String at) {
        ChainPostObserved post =
                state.live(network, postId).orElseGet(() -> pendingPosts.get(postId));
        if (post != null) {
            var deletion =
                    new ChainPostDeleted(
                            post.campaign(), network, postId, post.author(), deletedAt);
            if (!state.written(deletion.eventId()) && pendingIds.add(deletion.eventId())) {
                add(deletion);
            }
        }
        moveTo(at);
    }

    /** The stream moved on without a post of ours. */
    public synchronized void advanced(String at) {
        moveTo(at);
    }

    private void add(Object event) {
        if (pending.isEmpty()) {
            oldestPending = System.nanoTime();
        }
        pending.add(event);
    }

    private void moveTo(String at) {
        if (at != null) {
            position = at;
        }
        flushIfDue();
    }

    /** Commits when the batch is full or old enough, or the position is due; cheap otherwise. */
    public synchronized void flushIfDue() {
        long now = System.nanoTime();
        boolean postsDue =
                !pending.isEmpty()
                        && (pending.size() >= maxBatch || now - oldestPending >= flushNanos);
        boolean cursorDue =
                position != null
                        && !position.equals(committedPosition)
                        && now - lastCommit >= cursorNanos;
        if (postsDue || cursorDue) {
            flush();
        }
    }

    /**
     * Commits whatever is pending with the current position. On failure nothing pending is kept:
     * the stream resumes from {@link #committedPosition()} and reads those events again.
     */
    public synchronized void flush() {
        if (pending.isEmpty() && (position == null || position.equals(committedPosition))) {
            return;
        }
        List<Object> events = List.copyOf(pending);
        try {
            log.commit(events, new ChainCursor(stream, position));
            committedPosition = position;
            lastCommit = System.nanoTime();
            events.forEach(
                    e ->
                            metrics.written(
                                    network,
                                    e instanceof ChainPostDeleted ? "deleted" : "observed"));
        } catch (RuntimeException e) {
            position = committedPosition;
            throw e;
        } finally {
            pending.clear();
            pendingIds.clear();
            pendingPosts.clear();
        }
    }
}
