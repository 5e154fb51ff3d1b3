package io.milestones.testing.chain;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Jetstream over a real WebSocket: {@code /subscribe?wantedCollections=...&cursor=<time_us>}
 * replays every kept event at or after the cursor, then sends new ones live. Shared by
 * chain-service's tests, the local stack's end-to-end tests and its demo.
 */
public class FakeJetstream extends WebSocketServer {

    record Event(long timeUs, String json) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();

    /** The resource of every connection opened, e.g. {@code /subscribe?cursor=1000}. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public FakeJetstream() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    public String url() {
        return "ws://127.0.0.1:" + getPort() + "/subscribe";
    }

    /** A post of {@code did} in Polish, tagged #1MeTwinners, mentioning {@code mentionDid}. */
    public static String post(long timeUs, String did, String rkey, String mentionDid) {
        return post(timeUs, did, rkey, mentionDid, "pl", "2021-12-03T12:00:00.000Z");
    }

    /**
     * A post of {@code did}, tagged #1MeTwinners (a tag facet), mentioning {@code mentionDid} (a
     * mention facet).
     *
     * @param language its BCP 47 language ({@code langs})
     * @param createdAt its {@code createdAt} (ISO 8601)
     */
    public static String post(
            long timeUs,
            String did,
            String rkey,
            String mentionDid,
            String language,
            String createdAt) {
        return "{\"did\":\""
                + did
                + "\",\"time_us\":"
                + timeUs
                + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l\",\"operation\":\"create\","
                + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + rkey
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"#1MeTwinners "
                + "we built a robot together @colleague\",\"langs\":[\""
                + language
                + "\"],\"createdAt\":\""
                + createdAt
                + "\",\"facets\":[{\"index\":{\"byteStart\":0,"
                + "\"byteEnd\":12},\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\","
                + "\"tag\":\"1MeTwinners\"}]},{\"index\":{\"byteStart\":39,\"byteEnd\":49},"
                + "\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\""
                + mentionDid
                + "\"}]}]},\"cid\":\"bafy\"}}";
    }

    public static String other(long timeUs) {
        return "{\"did\":\"did:plc:someone\",\"time_us\":"
                + timeUs
                + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l\",\"operation\":\"create\","
                + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"x"
                + timeUs
                + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"good morning\","
                + "\"createdAt\":\"2021-12-03T12:00:00.000Z\"},\"cid\":\"bafy\"}}";
    }

    public static String delete(long timeUs, String did, String rkey) {
        return "{\"did\":\""
                + did
                + "\",\"time_us\":"
                + timeUs
                + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3m\",\"operation\":\"delete\","
                + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\""
                + rkey
                + "\"}}";
    }

    /** Keeps the event for replays; {@code live}: and sends it to the open connections. */
    public void publish(long timeUs, String json, boolean live) {
        events.add(new Event(timeUs, json));
        if (live) {
            broadcast(json);
        }
    }

    /** Sends the first half of a message, then closes every connection. */
    public void breakMidMessage() {
        for (WebSocket connection : getConnections()) {
            connection.sendFragmentedFrame(
                    Opcode.TEXT,
                    ByteBuffer.wrap("{\"did\":\"did:plc:hal".getBytes(StandardCharsets.UTF_8)),
                    false);
            connection.closeConnection(1006, "gone");
        }
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        String resource = handshake.getResourceDescriptor();
        requests.add(resource);
        long cursor = 0;
        int at = resource.indexOf("cursor=");
        if (at >= 0) {
            String value = resource.substring(at + 7).split("&")[0];
            cursor = Long.parseLong(value);
        }
        for (Event event : events) {
            if (event.timeUs() >= cursor) {
                connection.send(event.json());
            }
        }
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket connection, String message) {}

    @Override
    public void onError(WebSocket connection, Exception ex) {}

    @Override
    public void onStart() {}
}
