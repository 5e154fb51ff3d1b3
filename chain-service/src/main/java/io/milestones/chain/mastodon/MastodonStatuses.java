package io.milestones.chain.mastodon;

import io.milestones.chain.ChainMetrics.BadInput;
import io.milestones.chain.stream.Json;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostObserved;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Mastodon Status entity (docs.joinmastodon.org/entities/Status) into a chain post: only
 * public or unlisted originals (no boosts) with one of the campaign's tags. Accounts are full
 * {@code user@host} (a local account's {@code acct} has no host; the instance's is added).
 */
final class MastodonStatuses {

    private static final Set<String> VISIBLE = Set.of("public", "unlisted");

    private final String campaign;
    private final List<String> tags;
    private final String host;
    private final int maxMentions;

    MastodonStatuses(String campaign, List<String> tags, String host, int maxMentions) {
        this.campaign = campaign;
        this.tags = tags;
        this.host = host;
        this.maxMentions = maxMentions;
    }

    /** The chain post, or null when the status is not one (no campaign tag, private, a boost). */
    ChainPostObserved read(JsonNode status) {
        String id = Json.text(status, "id");
        JsonNode account = status.get("account");
        String acct = Json.text(account, "acct");
        if (id == null || acct == null) {
            throw new BadInput("missing-field", "status without id or account.acct");
        }
        if (!VISIBLE.contains(Json.text(status, "visibility"))
                || (status.get("reblog") != null && !status.get("reblog").isNull())) {
            return null;
        }
        List<String> hashtags = new ArrayList<>();
        JsonNode tagNodes = status.path("tags");
        for (JsonNode tag : tagNodes) {
            String name = Json.text(tag, "name");
            if (name != null) {
                hashtags.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (hashtags.stream().noneMatch(tags::contains)) {
            return null;
        }
        JsonNode mentionNodes = status.path("mentions");
        if (mentionNodes.size() > maxMentions) {
            throw new BadInput(
                    "too-many-mentions", "status " + id + " tags " + mentionNodes.size());
        }
        List<String> mentions = new ArrayList<>();
        for (JsonNode mention : mentionNodes) {
            String mentioned = Json.text(mention, "acct");
            if (mentioned != null) {
                mentions.add(full(mentioned));
            }
        }
        String url = Json.text(status, "url");
        return new ChainPostObserved(
                campaign,
                ChainNetwork.MASTODON,
                id,
                url != null ? url : Json.text(status, "uri"),
                full(acct),
                Json.text(status, "language"),
                instant(Json.text(status, "created_at")),
                mentions,
                Json.text(status, "in_reply_to_id"),
                Json.text(status.path("quote").path("quoted_status"), "id"),
                hashtags);
    }

    private String full(String acct) {
        return acct.contains("@") ? acct : acct + "@" + host;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadInput("missing-field", "created_at is not an instant: " + text);
        }
    }
}
