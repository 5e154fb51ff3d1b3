package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts to a LinkedIn organization page through the versioned REST API (headers {@code
 * LinkedIn-Version: YYYYMM}, {@code X-Restli-Protocol-Version: 2.0.0}): {@code POST
 * /rest/images?action=initializeUpload} for the card's upload URL and image URN, {@code PUT} of the
 * bytes to that URL, then {@code POST /rest/posts} with the image (and its alt text); the post's
 * URN comes back in {@code x-restli-id}. No idempotency key: every attempt first reads the
 * organization's latest posts ({@code GET /rest/posts?q=author}) and the same commentary counts as
 * posted. The commentary is in LinkedIn's "little text" format: reserved characters escaped,
 * hashtags as {@code {hashtag|\#|tag}}.
 */
@Component
@ConditionalOnProperty(name = "milestones.social.linkedin.enabled", havingValue = "true")
class LinkedInPublisher implements SocialPublisher {

    static final String NETWORK = "linkedin";
    private static final Pattern RESERVED = Pattern.compile("[|{}@\\[\\]()<>#\\\\*_~]");
    private static final Pattern HASHTAG =
            Pattern.compile("(?<![\\p{L}\\p{N}_])#([\\p{L}\\p{N}_]+)");
    private static final int LOOKUP_COUNT = 20;

    private final LinkedInProperties properties;
    private final SocialHttp http;
    private final RestClient client;

    LinkedInPublisher(LinkedInProperties properties, SocialHttp http) {
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
        return properties.organizationUrn();
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
        String commentary = commentary(post.text());
        return http.withRetries(
                NETWORK,
                () -> {
                    try {
                        Optional<PublishedPost> existing = find(commentary);
                        if (existing.isPresent()) {
                            return existing.get();
                        }
                        Content content =
                                post.image() == null
                                        ? null
                                        : new Content(
                                                new Content.Media(
                                                        upload(post.image()),
                                                        post.image().altText()));
                        var created =
                                request(client.post().uri("/rest/posts"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .body(
                                                new Post(
                                                        properties.organizationUrn(),
                                                        commentary,
                                                        "PUBLIC",
                                                        new Post.Distribution(
                                                                "MAIN_FEED", List.of(), List.of()),
                                                        content,
                                                        "PUBLISHED",
                                                        false))
                                        .retrieve()
                                        .toBodilessEntity();
                        String urn = created.getHeaders().getFirst("x-restli-id");
                        return new PublishedPost(urn, url(urn), false);
                    } catch (SocialApiException e) {
                        if (e.status() == 401) {
                            throw new SocialApiException(
                                    NETWORK,
                                    401,
                                    e.error(),
                                    e.reason() + " — " + GraphApiError.RENEW,
                                    null);
                        }
                        throw e;
                    }
                });
    }

    /**
     * LinkedIn's little text: reserved characters escaped, {@code #tag} as {@code
     * {hashtag|\\#|tag}}.
     */
    static String commentary(String text) {
        StringBuilder out = new StringBuilder();
        Matcher tags = HASHTAG.matcher(text);
        int from = 0;
        while (tags.find()) {
            out.append(escape(text.substring(from, tags.start())))
                    .append("{hashtag|\\#|")
                    .append(tags.group(1))
                    .append('}');
            from = tags.end();
        }
        return out.append(escape(text.substring(from))).toString();
    }

    private static String escape(String plain) {
        return RESERVED.matcher(plain).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    private Optional<PublishedPost> find(String commentary) {
        URI lookup =
                URI.create(
                        properties.baseUrl()
                                + "/rest/posts?author="
                                + URLEncoder.encode(
                                        properties.organizationUrn(), StandardCharsets.UTF_8)
                                + "&q=author&count="
                                + LOOKUP_COUNT
                                + "&sortBy=CREATED");
        Elements latest =
                client.get()
                        .uri(lookup)
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .header("LinkedIn-Version", properties.version())
                        .header("X-Restli-Protocol-Version", "2.0.0")
                        .header("X-RestLi-Method", "FINDER")
                        .retrieve()
                        .body(Elements.class);
        if (latest == null || latest.elements() == null) {
            return Optional.empty();
        }
        return latest.elements().stream()
                .filter(p -> commentary.equals(p.commentary()))
                .findFirst()
                .map(p -> new PublishedPost(p.id(), url(p.id()), true));
    }

    private String upload(SocialImage image) {
        Initialized initialized =
                request(client.post().uri("/rest/images?action=initializeUpload"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(
                                Map.of(
                                        "initializeUploadRequest",
                                        Map.of("owner", properties.organizationUrn())))
                        .retrieve()
                        .body(Initialized.class);
        client.put()
                .uri(URI.create(initialized.value().uploadUrl()))
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(image.png())
                .retrieve()
                .toBodilessEntity();
        return initialized.value().image();
    }

    private <S extends RestClient.RequestHeadersSpec<S>> S request(S spec) {
        return spec.header(HttpHeaders.AUTHORIZATION, bearer())
                .header("LinkedIn-Version", properties.version())
                .header("X-Restli-Protocol-Version", "2.0.0");
    }

    private String bearer() {
        return "Bearer " + properties.accessToken();
    }

    private static String url(String urn) {
        return urn == null ? null : "https://www.linkedin.com/feed/update/" + urn;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Post(
            String author,
            String commentary,
            String visibility,
            Distribution distribution,
            Content content,
            String lifecycleState,
            boolean isReshareDisabledByAuthor) {
        record Distribution(
                String feedDistribution,
                List<String> targetEntities,
                List<String> thirdPartyDistributionChannels) {}
    }

    record Content(Media media) {
        record Media(String id, String altText) {}
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Initialized(Value value) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Value(String uploadUrl, String image) {}
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Elements(List<Element> elements) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Element(String id, String commentary) {}
    }
}
