package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * Posts to a Facebook Page with the Graph API: the card as a photo post, {@code POST
 * /{version}/{page-id}/photos} (multipart: {@code source} the PNG, {@code message} the text),
 * answered {@code {"id": photo id, "post_id": "{page-id}_{post-id}"}}. The Graph API has no
 * idempotency key, so every attempt first looks for the post: {@code GET
 * /{version}/{page-id}/published_posts?fields=id,message&since=<reached>} and the same text (which
 * is deterministic per milestone and network) counts as posted. Without a card the post goes to
 * {@code /{page-id}/feed} ({@code message}).
 */
@Component
@ConditionalOnProperty(name = "milestones.social.facebook.enabled", havingValue = "true")
class FacebookPublisher implements SocialPublisher {

    static final String NETWORK = "facebook";

    /** Posts read back per look-up: a Page posts a few per milestone, not dozens. */
    private static final int LOOKUP_LIMIT = 50;

    private final FacebookProperties properties;
    private final SocialHttp http;
    private final RestClient client;

    FacebookPublisher(FacebookProperties properties, SocialHttp http) {
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
        return properties.pageId();
    }

    @Override
    public PostLimit limit() {
        return PostLimit.FACEBOOK;
    }

    @Override
    public boolean attachesImage() {
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
                    Created created = post.image() == null ? feed(post) : photo(post);
                    String id = created.postId() != null ? created.postId() : created.id();
                    return new PublishedPost(id, "https://www.facebook.com/" + id, false);
                });
    }

    /** The Page's post with the same text, published since the milestone was reached. */
    private Optional<PublishedPost> find(SocialPost post) {
        long since = post.reachedAt().minus(Duration.ofMinutes(1)).getEpochSecond();
        Posts posts =
                client.get()
                        .uri(
                                "/{version}/{page}/published_posts?fields=id,message&since={since}"
                                        + "&limit={limit}",
                                properties.apiVersion(),
                                properties.pageId(),
                                since,
                                LOOKUP_LIMIT)
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .retrieve()
                        .body(Posts.class);
        if (posts == null || posts.data() == null) {
            return Optional.empty();
        }
        return posts.data().stream()
                .filter(p -> post.text().equals(p.message()))
                .findFirst()
                .map(p -> new PublishedPost(p.id(), "https://www.facebook.com/" + p.id(), true));
    }

    private Created photo(SocialPost post) {
        SocialImage image = post.image();
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
        form.add("source", new HttpEntity<>(file, fileHeaders));
        form.add("message", post.text());
        return client.post()
                .uri("/{version}/{page}/photos", properties.apiVersion(), properties.pageId())
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .body(Created.class);
    }

    private Created feed(SocialPost post) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("message", post.text());
        return client.post()
                .uri("/{version}/{page}/feed", properties.apiVersion(), properties.pageId())
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Created.class);
    }

    /**
     * Graph API takes the token as a bearer header as well as {@code access_token}: no secret in
     * URLs.
     */
    private String bearer() {
        return "Bearer " + properties.pageAccessToken();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(String id, @JsonProperty("post_id") String postId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Posts(List<Post> data) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Post(String id, String message) {}
    }
}
