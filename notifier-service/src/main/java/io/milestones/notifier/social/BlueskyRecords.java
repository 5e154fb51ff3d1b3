package io.milestones.notifier.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The AT Protocol records and answers the Bluesky adapter sends and reads. */
final class BlueskyRecords {

    static final String POST = "app.bsky.feed.post";

    private BlueskyRecords() {}

    /** {@code com.atproto.repo.createRecord} input. */
    record CreateRecord(String repo, String collection, String rkey, Post record) {}

    /** {@code app.bsky.feed.post}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Post(
            @JsonProperty("$type") String type,
            String text,
            String createdAt,
            List<String> langs,
            List<Facet> facets,
            Images embed) {}

    /** {@code app.bsky.richtext.facet}: a UTF-8 byte range and what it is. */
    record Facet(ByteSlice index, List<Feature> features) {

        /** Hashtags ({@code #tag}) and links ({@code #link}) of {@code text}, by byte offsets. */
        static List<Facet> of(String text) {
            List<Facet> facets = new ArrayList<>();
            for (RichText.Span tag : RichText.hashtags(text)) {
                facets.add(
                        new Facet(
                                new ByteSlice(tag.byteStart(), tag.byteEnd()),
                                List.of(Feature.tag(tag.value()))));
            }
            for (RichText.Span link : RichText.links(text)) {
                facets.add(
                        new Facet(
                                new ByteSlice(link.byteStart(), link.byteEnd()),
                                List.of(Feature.link(link.value()))));
            }
            facets.sort((a, b) -> Integer.compare(a.index().byteStart(), b.index().byteStart()));
            return facets;
        }
    }

    record ByteSlice(int byteStart, int byteEnd) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Feature(@JsonProperty("$type") String type, String tag, String uri) {
        static Feature tag(String tag) {
            return new Feature("app.bsky.richtext.facet#tag", tag, null);
        }

        static Feature link(String uri) {
            return new Feature("app.bsky.richtext.facet#link", null, uri);
        }
    }

    /** {@code app.bsky.embed.images}. */
    record Images(@JsonProperty("$type") String type, List<Image> images) {
        static Images of(JsonNode blob, SocialImage image) {
            return new Images(
                    "app.bsky.embed.images",
                    List.of(
                            new Image(
                                    blob,
                                    image.altText(),
                                    new AspectRatio(image.width(), image.height()))));
        }
    }

    record Image(JsonNode image, String alt, AspectRatio aspectRatio) {}

    record AspectRatio(int width, int height) {}

    /** {@code com.atproto.repo.uploadBlob} output: the blob reference, passed on untouched. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Blob(JsonNode blob) {}

    /** {@code com.atproto.repo.createRecord} / {@code getRecord} output. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RecordRef(String uri, String cid) {}
}
