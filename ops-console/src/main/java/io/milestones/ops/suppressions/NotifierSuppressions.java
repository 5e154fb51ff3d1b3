package io.milestones.ops.suppressions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The notifier's suppression admin API ({@code /api/admin/suppressions}): list (addresses masked by
 * the notifier), look up by address (in the body, never in a URL), lift by hash.
 */
@Component
class NotifierSuppressions {

    private final RestClient http;
    private final boolean configured;

    NotifierSuppressions(NotifierProperties properties) {
        this.configured = !properties.adminApiKey().isBlank();
        this.http =
                RestClient.builder()
                        .baseUrl(properties.baseUrl().toString())
                        .defaultHeader("X-API-Key", properties.adminApiKey())
                        .build();
    }

    boolean configured() {
        return configured;
    }

    Page page(int page, int size) {
        return http.get()
                .uri("/api/admin/suppressions?page={page}&size={size}", page, size)
                .retrieve()
                .body(Page.class);
    }

    Optional<Entry> lookup(String email) {
        return Optional.ofNullable(
                http.post()
                        .uri("/api/admin/suppressions/lookup")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("email", email))
                        .exchange(
                                (request, response) ->
                                        response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                                                ? null
                                                : response.bodyTo(Entry.class)));
    }

    /**
     * @return whether it was on the list
     */
    boolean lift(String addressHash) {
        return http.delete()
                .uri("/api/admin/suppressions/{hash}", addressHash)
                .exchange(
                        (request, response) -> {
                            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                                return false;
                            }
                            if (!response.getStatusCode().is2xxSuccessful()) {
                                throw new IllegalStateException(
                                        "the notifier answered " + response.getStatusCode());
                            }
                            return true;
                        });
    }

    /** A page of the list, newest first. */
    record Page(int page, int size, long total, List<Entry> items) {}

    /** One entry, as the notifier shows it: the address masked, {@code null} once erased. */
    record Entry(
            String addressHash,
            String address,
            String reason,
            String source,
            String detail,
            Instant createdAt) {}
}
