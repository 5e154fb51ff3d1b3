package io.milestones.localstack;

import io.milestones.localstack.SocialSink.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each network answers, by path: Mastodon {@code /api/...}, Bluesky {@code /xrpc/...}, X
 * {@code /2/...}, LinkedIn {@code /rest/...}, the Graph API {@code /v23.0/<id>/...} (Facebook's
 * Page and Instagram's account by their ids). Uploaded pictures are remembered by the id the
 * network gave them, so each post shows the picture it carries.
 */
final class SinkNetworks {

    static final String PAGE = "100000000000001";
    static final String IG_USER = "17841400000000001";
    static final String ORGANIZATION = "1000001";
    static final String DID = "did:plc:localstack";

    private final SocialSink sink;
    private final AtomicLong ids;

    /** Pictures by the id their network gave them: "PNG, n bytes, alt …". */
    private final Map<String, String> pictures = new ConcurrentHashMap<>();

    /** Instagram containers: id → [caption, picture]. */
    private final Map<String, String[]> containers = new ConcurrentHashMap<>();

    /** Each network's posts, for its look-up: [id, text]. */
    private final Map<String, List<String[]>> published = new ConcurrentHashMap<>();

    SinkNetworks(SocialSink sink, AtomicLong ids) {
        this.sink = sink;
        this.ids = ids;
    }

    Answer answer(SinkRequest r) {
        String p = r.path();
        String route = r.method() + " " + p;
        if (p.startsWith("/api/")) {
            return mastodon(r, route);
        } else if (p.startsWith("/xrpc/")) {
            return bluesky(r, route);
        } else if (p.startsWith("/2/")) {
            return x(r, route);
        } else if (p.startsWith("/rest/") || p.startsWith("/linkedin-upload/")) {
            return linkedin(r, route);
        } else if (p.matches("/v\\d+\\.\\d+/" + PAGE + "/.*")) {
            return facebook(r, p.substring(p.lastIndexOf('/') + 1));
        } else if (p.matches("/v\\d+\\.\\d+/.*")) {
            return instagram(r, p.substring(p.indexOf('/', 1) + 1));
        }
        return notFound();
    }

    private Answer mastodon(SinkRequest r, String route) {
        return switch (route) {
            case "POST /api/v2/media" -> {
                String id = next();
                pictures.put(id, picture(r.files().get("file"), r.field("description")));
                yield Answer.ok(json(Map.of("id", id, "type", "image", "description", "")));
            }
            case "POST /api/v1/statuses" -> {
                String id = next();
                sink.posted("mastodon", r.field("status"), attached(r.json().path("media_ids")));
                yield Answer.ok(
                        json(
                                Map.of(
                                        "id",
                                        id,
                                        "url",
                                        "https://mastodon.localhost/@etwinning/" + id)));
            }
            default -> notFound();
        };
    }

    private Answer bluesky(SinkRequest r, String route) {
        return switch (route) {
            case "POST /xrpc/com.atproto.server.createSession",
                    "POST /xrpc/com.atproto.server.refreshSession" ->
                    Answer.ok(
                            json(
                                    Map.of(
                                            "accessJwt", "local-access",
                                            "refreshJwt", "local-refresh",
                                            "handle", "etwinning.localhost",
                                            "did", DID)));
            case "GET /xrpc/com.atproto.repo.getRecord" -> {
                String rkey = r.query().get("rkey");
                yield find("bluesky", rkey) == null
                        ? new Answer(
                                400,
                                json(
                                        Map.of(
                                                "error", "RecordNotFound",
                                                "message", "Could not locate record")),
                                Map.of())
                        : Answer.ok(json(Map.of("uri", uri(rkey), "cid", "bafyrei" + rkey)));
            }
            case "POST /xrpc/com.atproto.repo.uploadBlob" -> {
                String ref = "bafkrei" + next();
                pictures.put(ref, "PNG, " + r.bytes() + " bytes");
                yield Answer.ok(
                        json(
                                Map.of(
                                        "blob",
                                        Map.of(
                                                "$type",
                                                "blob",
                                                "ref",
                                                Map.of("$link", ref),
                                                "mimeType",
                                                "image/png",
                                                "size",
                                                r.bytes()))));
            }
            case "POST /xrpc/com.atproto.repo.createRecord" -> {
                String rkey = r.field("rkey");
                JsonNode image = r.json().at("/record/embed/images/0");
                String picture =
                        image.isMissingNode()
                                ? null
                                : pictures.get(image.at("/image/ref/$link").asString())
                                        + ", alt “"
                                        + image.path("alt").asString()
                                        + "”";
                remember("bluesky", rkey, r.field("record/text"));
                sink.posted("bluesky", r.field("record/text"), picture);
                yield Answer.ok(json(Map.of("uri", uri(rkey), "cid", "bafyrei" + rkey)));
            }
            default -> notFound();
        };
    }

    private Answer x(SinkRequest r, String route) {
        return switch (route) {
            case "POST /2/media/upload" -> {
                String id = next();
                pictures.put(id, picture(r.files().get("media"), null));
                yield Answer.ok(
                        json(
                                Map.of(
                                        "data",
                                        Map.of(
                                                "id",
                                                id,
                                                "media_key",
                                                "3_" + id,
                                                "expires_after_secs",
                                                86400))));
            }
            case "POST /2/media/metadata" -> {
                String id = r.field("id");
                pictures.computeIfPresent(
                        id, (k, v) -> v + ", alt “" + r.field("metadata/alt_text/text") + "”");
                yield Answer.ok(json(Map.of("data", Map.of("id", id))));
            }
            case "POST /2/tweets" -> {
                String text = r.field("text");
                if (published.getOrDefault("x", List.of()).stream()
                        .anyMatch(t -> t[1].equals(text))) {
                    yield new Answer(
                            403,
                            json(
                                    Map.of(
                                            "title",
                                            "Forbidden",
                                            "type",
                                            "about:blank",
                                            "status",
                                            403,
                                            "detail",
                                            "You are not allowed to create a Tweet with"
                                                    + " duplicate content.")),
                            Map.of());
                }
                String id = next();
                remember("x", id, text);
                sink.posted("x", text, attached(r.json().at("/media/media_ids")));
                yield new Answer(
                        201, json(Map.of("data", Map.of("id", id, "text", text))), Map.of());
            }
            default -> notFound();
        };
    }

    private Answer facebook(SinkRequest r, String edge) {
        return switch (r.method() + " " + edge) {
            case "GET published_posts" ->
                    Answer.ok(json(Map.of("data", posts("facebook", "message"))));
            case "POST photos", "POST feed" -> {
                String id = PAGE + "_" + next();
                remember("facebook", id, r.field("message"));
                sink.posted(
                        "facebook",
                        r.field("message"),
                        edge.equals("photos") ? picture(r.files().get("source"), null) : null);
                yield Answer.ok(json(Map.of("id", next(), "post_id", id)));
            }
            default -> notFound();
        };
    }

    private Answer instagram(SinkRequest r, String rest) {
        String route = r.method() + " " + rest;
        if (route.equals("GET " + IG_USER + "/media")) {
            return Answer.ok(json(Map.of("data", posts("instagram", "caption"))));
        } else if (route.equals("GET " + IG_USER + "/content_publishing_limit")) {
            int used = published.getOrDefault("instagram", List.of()).size();
            return Answer.ok(
                    json(
                            Map.of(
                                    "data",
                                    List.of(
                                            Map.of(
                                                    "quota_usage",
                                                    used,
                                                    "config",
                                                    Map.of(
                                                            "quota_total", 50,
                                                            "quota_duration", 86400))))));
        } else if (route.equals("POST " + IG_USER + "/media")) {
            String id = next();
            containers.put(
                    id,
                    new String[] {
                        r.field("caption"),
                        "downloaded from "
                                + r.field("image_url")
                                + ", alt “"
                                + r.field("alt_text")
                                + "”"
                    });
            return Answer.ok(json(Map.of("id", id)));
        } else if (route.equals("POST " + IG_USER + "/media_publish")) {
            String[] container = containers.remove(r.field("creation_id"));
            if (container == null) {
                return notFound();
            }
            String id = next();
            remember("instagram", id, container[0]);
            sink.posted("instagram", container[0], container[1]);
            return Answer.ok(json(Map.of("id", id)));
        } else if (r.method().equals("GET") && containers.containsKey(rest)) {
            return Answer.ok(
                    json(
                            Map.of(
                                    "id",
                                    rest,
                                    "status_code",
                                    "FINISHED",
                                    "status",
                                    "Finished: Media has been uploaded and it is ready to be published.")));
        }
        return notFound();
    }

    private Answer linkedin(SinkRequest r, String route) {
        if (route.equals("GET /rest/posts")) {
            List<Map<String, String>> elements = new ArrayList<>();
            for (String[] post : published.getOrDefault("linkedin", List.of())) {
                elements.add(Map.of("id", post[0], "commentary", post[1]));
            }
            return Answer.ok(
                    json(
                            Map.of(
                                    "paging",
                                    Map.of("start", 0, "count", 20, "links", List.of()),
                                    "elements",
                                    elements)));
        } else if (route.equals("POST /rest/images")) {
            String id = next();
            return Answer.ok(
                    json(
                            Map.of(
                                    "value",
                                    Map.of(
                                            "uploadUrlExpiresAt", Long.MAX_VALUE,
                                            "uploadUrl", sink.baseUrl() + "/linkedin-upload/" + id,
                                            "image", "urn:li:image:" + id))));
        } else if (route.startsWith("PUT /linkedin-upload/")) {
            pictures.put(
                    "urn:li:image:" + route.substring(route.lastIndexOf('/') + 1),
                    "PNG, " + r.bytes() + " bytes");
            return new Answer(201, null, Map.of());
        } else if (route.equals("POST /rest/posts")) {
            String urn = "urn:li:share:" + next();
            String image = r.field("content/media/id");
            remember("linkedin", urn, r.field("commentary"));
            sink.posted(
                    "linkedin",
                    r.field("commentary"),
                    image == null
                            ? null
                            : pictures.get(image)
                                    + ", alt “"
                                    + r.field("content/media/altText")
                                    + "”");
            return new Answer(201, null, Map.of("x-restli-id", urn));
        }
        return notFound();
    }

    private String picture(Integer bytes, String alt) {
        if (bytes == null) {
            return null;
        }
        return "PNG, " + bytes + " bytes" + (alt == null ? "" : ", alt “" + alt + "”");
    }

    private String attached(JsonNode ids) {
        return ids.isArray() && !ids.isEmpty() ? pictures.get(ids.get(0).asString()) : null;
    }

    private void remember(String network, String id, String text) {
        published
                .computeIfAbsent(network, n -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(new String[] {id, text});
    }

    private String[] find(String network, String id) {
        return published.getOrDefault(network, List.of()).stream()
                .filter(p -> p[0].equals(id))
                .findFirst()
                .orElse(null);
    }

    private List<Map<String, String>> posts(String network, String textField) {
        List<Map<String, String>> data = new ArrayList<>();
        for (String[] post : published.getOrDefault(network, List.of())) {
            data.add(Map.of("id", post[0], textField, post[1]));
        }
        return data;
    }

    private static String uri(String rkey) {
        return "at://" + DID + "/app.bsky.feed.post/" + rkey;
    }

    private String next() {
        return Long.toString(ids.incrementAndGet());
    }

    private static Answer notFound() {
        return new Answer(404, json(Map.of("error", "not a route of the social sink")), Map.of());
    }

    private static String json(Object value) {
        return JsonMapper.shared().writeValueAsString(value);
    }
}
