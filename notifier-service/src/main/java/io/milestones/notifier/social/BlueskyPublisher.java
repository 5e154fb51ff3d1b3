package io.milestones.notifier.social;

import io.milestones.notifier.social.BlueskyRecords.Blob;
import io.milestones.notifier.social.BlueskyRecords.CreateRecord;
import io.milestones.notifier.social.BlueskyRecords.Facet;
import io.milestones.notifier.social.BlueskyRecords.Images;
import io.milestones.notifier.social.BlueskyRecords.Post;
import io.milestones.notifier.social.BlueskyRecords.RecordRef;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts to Bluesky: an {@code app.bsky.feed.post} record with {@code langs}, hashtag and link
 * facets at UTF-8 byte offsets and the card as {@code app.bsky.embed.images} (uploaded with {@code
 * com.atproto.repo.uploadBlob}). The record key is derived from the milestone ({@link
 * BlueskyRecordKey}) and checked with {@code getRecord} before every attempt, so a repeat finds the
 * post instead of making a second one.
 */
@Component
@ConditionalOnProperty(name = "milestones.social.bluesky.enabled", havingValue = "true")
class BlueskyPublisher implements SocialPublisher {

    static final String NETWORK = "bluesky";

    private final BlueskyProperties properties;
    private final SocialHttp http;
    private final RestClient client;
    private final BlueskySession session;

    BlueskyPublisher(BlueskyProperties properties, SocialHttp http) {
        this.properties = properties;
        this.http = http;
        this.client = http.client(NETWORK, properties.serviceUrl().toString());
        this.session = new BlueskySession(client, properties);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public String account() {
        return properties.identifier();
    }

    @Override
    public boolean attachesImage() {
        return true;
    }

    @Override
    public PostLimit limit() {
        return PostLimit.BLUESKY;
    }

    @Override
    public PublishedPost publish(SocialPost post) {
        String rkey = BlueskyRecordKey.of(post.milestoneId(), post.reachedAt());
        return http.withRetries(NETWORK, () -> session.call(tokens -> publish(post, rkey, tokens)));
    }

    private PublishedPost publish(SocialPost post, String rkey, BlueskySession.Tokens tokens) {
        Optional<RecordRef> existing = find(tokens.did(), rkey);
        if (existing.isPresent()) {
            return published(existing.get(), tokens, rkey, true);
        }
        Images embed =
                post.image() == null ? null : Images.of(upload(post.image(), tokens), post.image());
        var record =
                new Post(
                        BlueskyRecords.POST,
                        post.text(),
                        DateTimeFormatter.ISO_INSTANT.format(post.composedAt()),
                        List.of(post.language().toLanguageTag()),
                        Facet.of(post.text()),
                        embed);
        try {
            RecordRef created =
                    client.post()
                            .uri("/xrpc/com.atproto.repo.createRecord")
                            .header(HttpHeaders.AUTHORIZATION, tokens.bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(new CreateRecord(tokens.did(), BlueskyRecords.POST, rkey, record))
                            .retrieve()
                            .body(RecordRef.class);
            return published(created, tokens, rkey, false);
        } catch (SocialApiException e) {
            // A record that already exists is answered with an error (500 on today's PDS).
            return find(tokens.did(), rkey)
                    .map(ref -> published(ref, tokens, rkey, true))
                    .orElseThrow(() -> e);
        }
    }

    /** {@code com.atproto.repo.getRecord}; the PDS answers 400 RecordNotFound for none. */
    private Optional<RecordRef> find(String did, String rkey) {
        try {
            return Optional.ofNullable(
                    client.get()
                            .uri(
                                    "/xrpc/com.atproto.repo.getRecord?repo={repo}&collection={collection}&rkey={rkey}",
                                    did,
                                    BlueskyRecords.POST,
                                    rkey)
                            .retrieve()
                            .body(RecordRef.class));
        } catch (SocialApiException e) {
            if (e.status() == 400 && "RecordNotFound".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private tools.jackson.databind.JsonNode upload(
            SocialImage image, BlueskySession.Tokens tokens) {
        return client.post()
                .uri("/xrpc/com.atproto.repo.uploadBlob")
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer())
                .contentType(MediaType.IMAGE_PNG)
                .body(image.png())
                .retrieve()
                .body(Blob.class)
                .blob();
    }

    private static PublishedPost published(
            RecordRef ref, BlueskySession.Tokens tokens, String rkey, boolean alreadyPosted) {
        String url = "https://bsky.app/profile/" + tokens.handle() + "/post/" + rkey;
        return new PublishedPost(ref.uri(), url, alreadyPosted);
    }
}
