package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Posts to Mastodon: the card through {@code POST /api/v2/media} (with its alt text as {@code
 * description}), then {@code POST /api/v1/statuses} with an {@code Idempotency-Key} derived from
 * the milestone and the server, so a repeat within Mastodon's key lifetime (1 hour) returns the
 * first status instead of posting again.
 */
@Component
@ConditionalOnProperty(name = "milestones.social.mastodon.enabled", havingValue = "true")
class MastodonPublisher implements SocialPublisher {

    static final String NETWORK = "mastodon";
    private static final int PROCESSING_CHECKS = 10;

    private final MastodonProperties properties;
    private final SocialHttp http;
    private final RestClient client;

    MastodonPublisher(MastodonProperties properties, SocialHttp http) {
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
        return properties.baseUrl().getHost();
    }

    @Override
    public boolean attachesImage() {
        return true;
    }

    @Override
    public PostLimit limit() {
        return PostLimit.MASTODON;
    }

    @Override
    public PublishedPost publish(SocialPost post) {
        String key = idempotencyKey(post.milestoneId());
        return http.withRetries(
                NETWORK,
                () -> {
                    List<String> media =
                            post.image() == null ? List.of() : List.of(upload(post.image()));
                    Status status =
                            client.post()
                                    .uri("/api/v1/statuses")
                                    .header(HttpHeaders.AUTHORIZATION, bearer())
                                    .header("Idempotency-Key", key)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(
                                            new StatusRequest(
                                                    post.text(),
                                                    media,
                                                    properties.visibility().id(),
                                                    post.language().getLanguage()))
                                    .retrieve()
                                    .body(Status.class);
                    return new PublishedPost(status.id(), status.url(), false);
                });
    }

    /** Same milestone, same server: same key (SHA-256, hex). */
    String idempotencyKey(String milestoneId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    ("milestones:" + milestoneId + "@" + properties.baseUrl())
                                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Uploads the card; a 202 (still processing) is polled until the file is ready. */
    private String upload(SocialImage image) {
        var file =
                new ByteArrayResource(image.png()) {
                    @Override
                    public String getFilename() {
                        return image.fileName();
                    }
                };
        var fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.IMAGE_PNG);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(file, fileHeaders));
        form.add("description", image.altText());
        var uploaded =
                client.post()
                        .uri("/api/v2/media")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(form)
                        .retrieve()
                        .toEntity(Attachment.class);
        String id = uploaded.getBody().id();
        boolean ready = uploaded.getStatusCode().value() == 200;
        for (int check = 0; !ready && check < PROCESSING_CHECKS; check++) {
            http.pause(NETWORK, Duration.ofSeconds(1));
            ready =
                    client.get()
                                    .uri("/api/v1/media/{id}", id)
                                    .header(HttpHeaders.AUTHORIZATION, bearer())
                                    .retrieve()
                                    .toBodilessEntity()
                                    .getStatusCode()
                                    .value()
                            == 200;
        }
        if (!ready) {
            throw new SocialApiException(
                    NETWORK, 503, null, "media " + id + " still processing", null);
        }
        return id;
    }

    private String bearer() {
        return "Bearer " + properties.accessToken();
    }

    record StatusRequest(
            String status,
            @JsonProperty("media_ids") List<String> mediaIds,
            String visibility,
            String language) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Status(String id, String url) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attachment(String id, String url) {}
}
