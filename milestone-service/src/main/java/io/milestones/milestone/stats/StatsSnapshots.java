package io.milestones.milestone.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current {@link StatsSnapshot}, and each view of it serialized once: however many page views,
 * JSON requests and live subscribers there are, the JSON of a view is written once per change.
 */
@Component
class StatsSnapshots {

    private final AtomicReference<Current> current;
    private final Clock clock;
    private final JsonMapper json;

    StatsSnapshots(Clock clock, JsonMapper json) {
        this.clock = clock;
        this.json = json;
        this.current = new AtomicReference<>(new Current(StatsSnapshot.EMPTY, clock.instant()));
    }

    Current current() {
        return current.get();
    }

    /** Replaces the snapshot; true if anything shown changed. */
    boolean update(StatsSnapshot next) {
        Current previous = current.get();
        if (previous.snapshot().equals(next)) {
            return false;
        }
        current.set(new Current(next, clock.instant()));
        return true;
    }

    /** The view named {@code key} of the current snapshot as JSON, built at most once. */
    <T> Json json(Current of, String key, Function<Current, T> view) {
        return of.json.computeIfAbsent(key, k -> Json.of(json.writeValueAsString(view.apply(of))));
    }

    /**
     * One snapshot, and since when it is the current one.
     *
     * @param snapshot the numbers
     * @param updatedAt when they last changed
     */
    record Current(StatsSnapshot snapshot, Instant updatedAt, Map<String, Json> json) {

        Current(StatsSnapshot snapshot, Instant updatedAt) {
            this(snapshot, updatedAt, new ConcurrentHashMap<>());
        }
    }

    /** A serialized view and its strong ETag (a hash of the content). */
    record Json(String body, String etag) {

        static Json of(String body) {
            try {
                byte[] hash =
                        MessageDigest.getInstance("SHA-256")
                                .digest(body.getBytes(StandardCharsets.UTF_8));
                return new Json(body, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
