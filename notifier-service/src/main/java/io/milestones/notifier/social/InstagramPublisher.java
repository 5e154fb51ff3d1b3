package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Posts to an Instagram professional account with the Graph API's content publishing, every attempt
 * in this order:
 *
 * <ol>
 *   <li>look for the post: {@code GET /{ig-user-id}/media?fields=id,caption,permalink} — the same
 *       caption (deterministic per milestone) counts as posted, so a retry after an ambiguous
 *       failure, or after a restart, never publishes twice;
 *   <li>check the publishing limit: {@code GET /{ig-user-id}/content_publishing_limit?fields=
 *       quota_usage,config} ({@code {"data": [{"quota_usage": 2, "config": {"quota_total": 50,
 *       "quota_duration": 86400}}]}}, 50 posts per rolling 24 h); used up → {@link
 *       PublishingLimitReachedException}: nothing is created, the delivery stays {@code PENDING}
 *       and {@link WaitingPosts} tries again in this process once the window may have a free slot
 *       (decision 0406);
 *   <li>create the image container: {@code POST /{ig-user-id}/media} ({@code image_url} = the card
 *       this notifier serves at its public HTTPS address, {@code caption}, {@code alt_text});
 *   <li>check {@code GET /{container-id}?fields=status_code} until {@code FINISHED}; {@code
 *       IN_PROGRESS} after {@code status-checks} defers the post (transient; the next attempt
 *       starts over at 1 and the unpublished container expires after 24 h); {@code ERROR}/{@code
 *       EXPIRED} is a rejection;
 *   <li>publish: {@code POST /{ig-user-id}/media_publish} ({@code creation_id}).
 * </ol>
 */
@Component
@ConditionalOnProperty(name = "milestones.social.instagram.enabled", havingValue = "true")
class InstagramPublisher implements SocialPublisher {

    static final String NETWORK = "instagram";
    private static final int LOOKUP_LIMIT = 25;

    private final InstagramProperties properties;
    private final SocialHttp http;
    private final RestClient client;

    InstagramPublisher(InstagramProperties properties, SocialHttp http) {
        this.properties = properties;
        this.http = http;
        this.client = http.client(NETWORK, properties.baseUrl().toString());
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String account() {
        return properties.userId();
    }

    @Override
    public PostLimit limit() {
        return PostLimit.FACEBOOK;
    }

    @Override
    public boolean attachesImage() {
        // Instagram fetches the card itself from its URL; the drawn bytes only give the alt text.
        return true;
    }

    @Override
    public PublishedPost publish(SocialPost post) {
        return http.withRetries(
                NETWORK,
                () -> {
                    Optional<PublishedPost> existing = find(post);
                    if (existing.isPresent()) {
                        return existing.get();
                    }
                    checkPublishingLimit();
                    String container = createContainer(post);
                    awaitFinished(container);
                    Created published =
                            client.post()
                                    .uri(
                                            "/{version}/{user}/media_publish",
                                            properties.apiVersion(),
                                            properties.userId())
                                    .header(HttpHeaders.AUTHORIZATION, bearer())
                                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                    .body(form("creation_id", container))
                                    .retrieve()
                                    .body(Created.class);
                    return new PublishedPost(published.id(), null, false);
                });
    }

    /** Where Instagram fetches the card: the notifier's own endpoint, date and language fixed. */
    URI cardUrl(SocialPost post) {
        return UriComponentsBuilder.fromUri(properties.cardBaseUrl())
                .path("/api/social/cards/{id}.png")
                .queryParam("date", post.reachedAt().atZone(ZoneOffset.UTC).toLocalDate())
                .queryParam("lang", post.language().toLanguageTag())
                .buildAndExpand(post.milestoneId())
                .encode()
                .toUri();
    }

    private Optional<PublishedPost> find(SocialPost post) {
        Media media =
                client.get()
                        .uri(
                                "/{version}/{user}/media?fields=id,caption,permalink&limit={limit}",
                                properties.apiVersion(),
                                properties.userId(),
                                LOOKUP_LIMIT)
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .retrieve()
                        .body(Media.class);
        if (media == null || media.data() == null) {
            return Optional.empty();
        }
        return media.data().stream()
                .filter(m -> post.text().equals(m.caption()))
                .findFirst()
                .map(m -> new PublishedPost(m.id(), m.permalink(), true));
    }

    private void checkPublishingLimit() {
        Limit limit =
                client.get()
                        .uri(
                                "/{version}/{user}/content_publishing_limit?fields=quota_usage,config",
                                properties.apiVersion(),
                                properties.userId())
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .retrieve()
                        .body(Limit.class);
        if (limit == null || limit.data() == null || limit.data().isEmpty()) {
            return;
        }
        Limit.Usage usage = limit.data().get(0);
        int total = usage.config() == null ? 50 : usage.config().quotaTotal();
        if (usage.quotaUsage() >= total) {
            long window = usage.config() == null ? 86_400 : usage.config().quotaDuration();
            // not an HTTP failure: thrown past the retry loop, the announcer waits in-process
            throw new PublishingLimitReachedException(
                    NETWORK, usage.quotaUsage(), total, Duration.ofSeconds(window));
        }
    }

    private String createContainer(SocialPost post) {
        MultiValueMap<String, String> form = form("image_url", cardUrl(post).toString());
        form.add("caption", post.text());
        if (post.image() != null) {
            form.add("alt_text", post.image().altText());
        }
        return client.post()
                .uri("/{version}/{user}/media", properties.apiVersion(), properties.userId())
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Created.class)
                .id();
    }

    private void awaitFinished(String container) {
        for (int check = 1; ; check++) {
            Status status =
                    client.get()
                            .uri(
                                    "/{version}/{container}?fields=status_code,status",
                                    properties.apiVersion(),
                                    container)
                            .header(HttpHeaders.AUTHORIZATION, bearer())
                            .retrieve()
                            .body(Status.class);
            String code = status == null ? null : status.statusCode();
            if ("FINISHED".equals(code) || "PUBLISHED".equals(code)) {
                return;
            }
            if ("ERROR".equals(code) || "EXPIRED".equals(code)) {
                throw new SocialApiException(
                        NETWORK,
                        400,
                        code,
                        "container " + container + " " + code + ": " + status.status(),
                        null);
            }
            if (check >= properties.statusChecks()) {
                throw new SocialApiException(
                        NETWORK,
                        503,
                        code,
                        "container "
                                + container
                                + " still "
                                + code
                                + " after "
                                + check
                                + " checks; deferred",
                        null);
            }
            http.pause(NETWORK, Duration.ofSeconds(1));
        }
    }

    private static MultiValueMap<String, String> form(String name, String value) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add(name, value);
        return form;
    }

    private String bearer() {
        return "Bearer " + properties.accessToken();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(String id, @JsonProperty("status_code") String statusCode, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Media(List<Item> data) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Item(String id, String caption, String permalink) {}
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Limit(List<Usage> data) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Usage(@JsonProperty("quota_usage") int quotaUsage, Config config) {}

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Config(
                @JsonProperty("quota_total") int quotaTotal,
                @JsonProperty("quota_duration") long quotaDuration) {}
    }
}
