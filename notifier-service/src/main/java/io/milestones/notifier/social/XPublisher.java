package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts to X with {@code POST /2/tweets} and a user-context token. X offers no idempotency key, but
 * it refuses the same text twice with {@code 403 "You are not allowed to create a Tweet with
 * duplicate content."}: that answer counts as already posted. The card is not attached (X's media
 * upload is optional here).
 */
@Component
@ConditionalOnProperty(name = "milestones.social.x.enabled", havingValue = "true")
class XPublisher implements SocialPublisher {

    static final String NETWORK = "x";

    private final SocialHttp http;
    private final RestClient client;
    private final XProperties properties;

    XPublisher(XProperties properties, SocialHttp http) {
        this.properties = properties;
        this.http = http;
        this.client = http.client(NETWORK, properties.baseUrl().toString());
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
    public PublishedPost publish(SocialPost post) {
        return http.withRetries(
                NETWORK,
                () -> {
                    try {
                        Created created =
                                client.post()
                                        .uri("/2/tweets")
                                        .header(
                                                HttpHeaders.AUTHORIZATION,
                                                "Bearer " + properties.accessToken())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .body(new Tweet(post.text()))
                                        .retrieve()
                                        .body(Created.class);
                        String id = created.data().id();
                        return new PublishedPost(id, "https://x.com/i/web/status/" + id, false);
                    } catch (SocialApiException e) {
                        if (isDuplicate(e)) {
                            return new PublishedPost(null, null, true);
                        }
                        throw e;
                    }
                });
    }

    private static boolean isDuplicate(SocialApiException e) {
        return e.status() == 403
                && e.reason().toLowerCase(Locale.ROOT).contains("duplicate content");
    }

    record Tweet(String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(Data data) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Data(String id, String text) {}
    }
}
