package io.milestones.chain.bluesky;

import io.milestones.chain.ChainMetrics.BadInput;
import io.milestones.chain.stream.Json;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostObserved;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads an {@code app.bsky.feed.post} record into a chain post. Hashtags come from the rich-text
 * facets ({@code app.bsky.richtext.facet#tag}) and, for clients that write none, from {@code #tag}
 * in the text; mentions from {@code #mention} facets (DIDs); the reply parent and a quoted record
 * from {@code reply.parent.uri} and {@code embed} ({@code app.bsky.embed.record[WithMedia]}).
 */
final class BlueskyPosts {

    static final String POST = "app.bsky.feed.post";
    private static final String TAG = "app.bsky.richtext.facet#tag";
    private static final String MENTION = "app.bsky.richtext.facet#mention";
    private static final Pattern TEXT_TAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");

    private final String campaign;
    private final List<String> tags;
    private final int maxMentions;

    BlueskyPosts(String campaign, List<String> tags, int maxMentions) {
        this.campaign = campaign;
        this.tags = tags;
        this.maxMentions = maxMentions;
    }

    static String uri(String did, String rkey) {
        return "at://" + did + "/" + POST + "/" + rkey;
    }

    /** The chain post, or null when the record carries none of the campaign's tags. */
    ChainPostObserved read(String did, String rkey, JsonNode record) {
        Set<String> hashtags = new LinkedHashSet<>();
        List<String> mentions = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            for (JsonNode feature : facet.path("features")) {
                String type = Json.text(feature, "$type");
                if (TAG.equals(type) && Json.text(feature, "tag") != null) {
                    hashtags.add(Json.text(feature, "tag").toLowerCase(Locale.ROOT));
                } else if (MENTION.equals(type) && Json.text(feature, "did") != null) {
                    mentions.add(Json.text(feature, "did"));
                }
            }
        }
        String text = Json.text(record, "text");
        if (text != null) {
            Matcher m = TEXT_TAG.matcher(text);
            while (m.find()) {
                hashtags.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        if (hashtags.stream().noneMatch(tags::contains)) {
            return null;
        }
        if (mentions.size() > maxMentions) {
            throw new BadInput("too-many-mentions", "post tags " + mentions.size());
        }
        JsonNode langs = record.path("langs");
        return new ChainPostObserved(
                campaign,
                ChainNetwork.BLUESKY,
                uri(did, rkey),
                "https://bsky.app/profile/" + did + "/post/" + rkey,
                did,
                langs.isArray() && !langs.isEmpty() ? langs.get(0).asString() : null,
                instant(Json.text(record, "createdAt")),
                List.copyOf(new LinkedHashSet<>(mentions)),
                Json.text(record.path("reply").path("parent"), "uri"),
                quoted(record.path("embed")),
                List.copyOf(hashtags));
    }

    private static String quoted(JsonNode embed) {
        String type = Json.text(embed, "$type");
        if ("app.bsky.embed.record".equals(type)) {
            return Json.text(embed.path("record"), "uri");
        }
        if ("app.bsky.embed.recordWithMedia".equals(type)) {
            return Json.text(embed.path("record").path("record"), "uri");
        }
        return null;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadInput("missing-field", "createdAt is not an instant: " + text);
        }
    }
}
