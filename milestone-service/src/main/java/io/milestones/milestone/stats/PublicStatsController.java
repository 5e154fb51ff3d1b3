package io.milestones.milestone.stats;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public statistics as JSON, for the platform's own pages (CORS, cacheable for {@code
 * milestones.stats.cache-max-age}, ETag), and as a live stream of server-sent events. Every answer
 * comes from the in-memory snapshot, never from the counting engine.
 */
@RestController
@RequestMapping("/api/public/stats")
class PublicStatsController {

    private final StatsSnapshots snapshots;
    private final StatsViews views;
    private final StatsStream stream;
    private final StatsProperties properties;

    PublicStatsController(
            StatsSnapshots snapshots,
            StatsViews views,
            StatsStream stream,
            StatsProperties properties) {
        this.snapshots = snapshots;
        this.views = views;
        this.stream = stream;
        this.properties = properties;
    }

    /** The global count, every country, the latest milestones. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> community() {
        return cacheable(snapshots.json(snapshots.current(), "community", views::community));
    }

    /** One country: its count, its next milestone, its latest milestones. */
    @GetMapping(path = "/countries/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> country(@PathVariable String code) {
        String country = country(code, "code");
        return cacheable(
                snapshots.json(
                        snapshots.current(), "country:" + country, c -> views.country(c, country)));
    }

    /** The same as {@link #community()}, pushed on every change. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter communityStream(HttpServletResponse response) {
        noCache(response);
        return stream.subscribe("community", views::community);
    }

    /** The same as {@link #country}, pushed on every change. */
    @GetMapping(path = "/countries/{code}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter countryStream(@PathVariable String code, HttpServletResponse response) {
        String country = country(code, "code");
        noCache(response);
        return stream.subscribe("country:" + country, c -> views.country(c, country));
    }

    private ResponseEntity<String> cacheable(StatsSnapshots.Json json) {
        // A matching If-None-Match gets 304 (Spring compares the ETag of a ResponseEntity).
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(properties.cacheMaxAge()).cachePublic())
                .eTag(json.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.body());
    }

    private static void noCache(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // nginx and friends would otherwise buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
    }

    /** The upper-case ISO 3166-1 code, or 404 naming the field. */
    static String country(String code, String field) {
        return StatsViews.countryCode(code)
                .orElseThrow(
                        () -> {
                            String message =
                                    "'" + code + "' is not an ISO 3166-1 alpha-2 country code";
                            var problem = new ErrorResponseException(HttpStatus.NOT_FOUND);
                            problem.getBody()
                                    .setType(URI.create("urn:milestones:problem:unknown-country"));
                            problem.getBody().setTitle("Unknown country");
                            problem.getBody().setDetail(field + ": " + message);
                            problem.getBody()
                                    .setProperty(
                                            "errors",
                                            List.of(Map.of("field", field, "message", message)));
                            return problem;
                        });
    }
}
