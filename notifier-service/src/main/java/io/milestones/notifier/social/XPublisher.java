package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Posts to X with a user-context OAuth 2.0 token ({@code tweet.write}, {@code media.write}): the
 * card through {@code POST /2/media/upload} (multipart, {@code media} + {@code media_category=
 * tweet_image}), its alt text through {@code POST /2/media/metadata}, then {@code POST /2/tweets}
 * with {@code media.media_ids}. X offers no idempotency key, but it refuses the same text twice
 * with {@code 403 "You are not allowed to create a Tweet with duplicate content."}: that answer
 * counts as already posted. A repeated attempt uploads the card again; an unused upload expires
 * ({@code expires_after_secs}). The user token lives two hours: on a 401 (X says only {@code
 * "Unauthorized"}) {@link XTokens} refreshes it once when a refresh token and client id are
 * configured and the attempt is repeated with the new token (decision 0407); otherwise, or when the
 * refresh fails, it is a rejection whose reason gives the runbook step to renew it.
 */
@Component
@ConditionalOnProperty(name = "milestones.social.x.enabled", havingValue = "true")
class XPublisher implements SocialPublisher {

    static final String NETWORK = "x";

    private final SocialHttp http;
    private final RestClient client;
    private final XTokens tokens;

    XPublisher(XProperties properties, SocialHttp http) {
        this.http = http;
        this.client = http.client(NETWORK, properties.baseUrl().toString());
        this.tokens = new XTokens(properties, client);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public PostLimit limit() {
        return PostLimit.X;
    }

    @Override
    public boolean attachesImage() {
        return true;
    }

    @Override
    public PublishedPost publish(SocialPost post) {
        return http.withRetries(NETWORK, () -> attempt(post, true));
    }

    /**
     * One attempt; a 401 refreshes the token once (when a refresh token is configured) and tries
     * again with the new one, else it is a rejection naming the runbook step.
     */
    private PublishedPost attempt(SocialPost post, boolean mayRefresh) {
        String token = tokens.accessToken();
        try {
            Tweet.Media media =
                    post.image() == null
                            ? null
                            : new Tweet.Media(List.of(upload(post.image(), token)));
            Created created =
                    client.post()
                            .uri("/2/tweets")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(new Tweet(post.text(), media))
                            .retrieve()
                            .body(Created.class);
            String id = created.data().id();
            return new PublishedPost(id, "https://x.com/i/web/status/" + id, false);
        } catch (SocialApiException e) {
            if (isDuplicate(e)) {
                return new PublishedPost(null, null, true);
            }
            if (e.status() == 401) {
                if (mayRefresh && tokens.refresh(token)) {
                    return attempt(post, false);
                }
                throw new SocialApiException(
                        NETWORK,
                        401,
                        e.error(),
                        e.reason()
                                + (tokens.canRefresh() ? " (token refresh failed)" : "")
                                + " — "
                                + GraphApiError.RENEW,
                        null);
            }
            throw e;
        }
    }

    /** Uploads the card in one request (an image needs no chunks) and describes it. */
    private String upload(SocialImage image, String token) {
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
        form.add("media", new HttpEntity<>(file, fileHeaders));
        form.add("media_category", "tweet_image");
        String id =
                client.post()
                        .uri("/2/media/upload")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(form)
                        .retrieve()
                        .body(Uploaded.class)
                        .data()
                        .id();
        client.post()
                .uri("/2/media/metadata")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Metadata.of(id, image.altText()))
                .retrieve()
                .toBodilessEntity();
        return id;
    }

    private static boolean isDuplicate(SocialApiException e) {
        return e.status() == 403
                && e.reason().toLowerCase(Locale.ROOT).contains("duplicate content");
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tweet(String text, Media media) {
        record Media(@JsonProperty("media_ids") List<String> mediaIds) {}
    }

    /** {@code {"id": ..., "metadata": {"alt_text": {"text": ...}}}}; X takes 1,000 characters. */
    record Metadata(String id, Map<String, Map<String, String>> metadata) {
        static Metadata of(String id, String altText) {
            String text = altText.length() > 1000 ? altText.substring(0, 1000) : altText;
            return new Metadata(id, Map.of("alt_text", Map.of("text", text)));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Uploaded(Data data) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Data(String id, @JsonProperty("media_key") String mediaKey) {}
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(Data data) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Data(String id, String text) {}
    }
}
