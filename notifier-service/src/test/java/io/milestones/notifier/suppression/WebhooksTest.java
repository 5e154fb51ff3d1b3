package io.milestones.notifier.suppression;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.milestones.notifier.webhooks.WebhookSigning;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Each provider webhook with a valid signature, an invalid one, a replay and malformed JSON, as
 * real HTTP posts in the providers' documented shapes. Runs inside {@link DeliverabilityIT}'s
 * context (it is a {@code @Nested} class there); the SNS signing certificate and subscription URL
 * are served by WireMock.
 */
abstract class WebhooksTest {

    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-notifications";
    static final String POSTMARK_PASSWORD = "postmark-secret";
    static final WireMockServer SNS = sns();
    static final String CERT_URL =
            "http://localhost:" + SNS.port() + "/SimpleNotificationService-test.pem";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired JdbcTemplate jdbc;

    static void register(DynamicPropertyRegistry registry) {
        registry.add(
                "milestones.webhooks.ses.signing-cert-url-pattern",
                () -> "http://localhost:\\d+/[^?#]+\\.pem");
        registry.add(
                "milestones.webhooks.ses.subscribe-url-pattern",
                () -> "http://localhost:\\d+/\\?.*");
        registry.add("milestones.webhooks.sendgrid.public-key", WebhookSigning::sendgridPublicKey);
    }

    static void stop() {
        SNS.stop();
    }

    @Test
    void shouldConfirmTheSnsSubscription() throws Exception {
        String subscribeUrl =
                "http://localhost:" + SNS.port() + "/?Action=ConfirmSubscription&Token=t1";
        var confirmation =
                WebhookSigning.snsMessage(
                        "SubscriptionConfirmation",
                        fields(
                                "Message",
                                "You have chosen to subscribe to the topic " + TOPIC,
                                "MessageId",
                                UUID.randomUUID().toString(),
                                "SubscribeURL",
                                subscribeUrl,
                                "Timestamp",
                                Instant.now().toString(),
                                "Token",
                                "t1",
                                "TopicArn",
                                TOPIC),
                        CERT_URL);
        assertThat(post("/api/webhooks/ses", confirmation, Map.of()).statusCode()).isEqualTo(200);
        SNS.verify(1, getRequestedFor(urlEqualTo("/?Action=ConfirmSubscription&Token=t1")));
    }

    @Test
    void shouldSuppressAnSesHardBounceAndRefuseBadSignaturesReplaysAndMalformedCalls()
            throws Exception {
        String hard = "ses-hard@school.example";
        String bounce = sesNotification(ses("Bounce", "Permanent", hard), Instant.now());

        String tampered = bounce.replace("ses-hard@", "ses-other@");
        assertThat(post("/api/webhooks/ses", tampered, Map.of()).statusCode()).isEqualTo(401);
        assertThat(reason("ses-other@school.example")).isNull();

        assertThat(post("/api/webhooks/ses", "{\"Type\":", Map.of()).statusCode()).isEqualTo(400);

        String stale =
                sesNotification(
                        ses("Bounce", "Permanent", "ses-stale@school.example"),
                        Instant.now().minusSeconds(7200));
        assertThat(post("/api/webhooks/ses", stale, Map.of()).statusCode()).isEqualTo(409);
        assertThat(reason("ses-stale@school.example")).isNull();

        assertThat(post("/api/webhooks/ses", bounce, Map.of()).statusCode()).isEqualTo(200);
        assertThat(reason(hard)).isEqualTo("HARD_BOUNCE/ses");
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from webhook_events where provider = 'ses'",
                                Integer.class))
                .isPositive();
        assertThat(post("/api/webhooks/ses", bounce, Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void shouldNotCountAReplayedSesSoftBounceTwice() throws Exception {
        String soft = "ses-soft@school.example";
        String bounce = sesNotification(ses("Bounce", "Transient", soft), Instant.now());
        assertThat(post("/api/webhooks/ses", bounce, Map.of()).statusCode()).isEqualTo(200);
        assertThat(post("/api/webhooks/ses", bounce, Map.of()).statusCode()).isEqualTo(409);
        // threshold 2: a replay counted twice would suppress
        assertThat(reason(soft)).isNull();

        String complaint =
                sesNotification(ses("Complaint", null, "ses-spam@school.example"), Instant.now());
        assertThat(post("/api/webhooks/ses", complaint, Map.of()).statusCode()).isEqualTo(200);
        assertThat(reason("ses-spam@school.example")).isEqualTo("COMPLAINT/ses");
    }

    @Test
    void shouldSuppressSendgridBouncesAndComplaintsAndRefuseBadSignaturesReplaysAndMalformedCalls()
            throws Exception {
        UUID subscription = UUID.randomUUID();
        jdbc.update(
                "insert into subscriptions (id, email, language, status, created_at)"
                        + " values (?, 'sg-spam@school.example', 'en', 'CONFIRMED',"
                        + " current_timestamp)",
                subscription);
        String now = String.valueOf(Instant.now().getEpochSecond());
        String events =
                "[{\"email\":\"sg-hard@school.example\",\"timestamp\":"
                        + now
                        + ",\"smtp-id\":\"<country.PT.100.0123456789abcdef01234567@milestones.local>\","
                        + "\"event\":\"bounce\",\"category\":[\"milestones\"],"
                        + "\"sg_event_id\":\"sg-1-"
                        + now
                        + "\",\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001\","
                        + "\"reason\":\"550 5.1.1 unknown recipient\",\"status\":\"5.1.1\","
                        + "\"type\":\"bounce\"},"
                        + "{\"email\":\"sg-spam@school.example\",\"timestamp\":"
                        + now
                        + ",\"event\":\"spamreport\",\"sg_event_id\":\"sg-2-"
                        + now
                        + "\",\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0002\"}]";

        var badSignature =
                Map.of(
                        "X-Twilio-Email-Event-Webhook-Signature",
                        WebhookSigning.sendgridSignature(now, events.replace("sg-hard", "sg-x")),
                        "X-Twilio-Email-Event-Webhook-Timestamp",
                        now);
        assertThat(post("/api/webhooks/sendgrid", events, badSignature).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/webhooks/sendgrid", events, Map.of()).statusCode()).isEqualTo(401);
        assertThat(reason("sg-hard@school.example")).isNull();

        String malformed = "[{\"email\":";
        assertThat(post("/api/webhooks/sendgrid", malformed, sendgrid(now, malformed)).statusCode())
                .isEqualTo(400);

        String old = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
        assertThat(post("/api/webhooks/sendgrid", events, sendgrid(old, events)).statusCode())
                .isEqualTo(409);
        assertThat(reason("sg-hard@school.example")).isNull();

        assertThat(post("/api/webhooks/sendgrid", events, sendgrid(now, events)).statusCode())
                .isEqualTo(200);
        assertThat(reason("sg-hard@school.example")).isEqualTo("HARD_BOUNCE/sendgrid");
        assertThat(reason("sg-spam@school.example")).isEqualTo("COMPLAINT/sendgrid");
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from subscriptions where id = ?",
                                Integer.class,
                                subscription))
                .isZero(); // a complaint unsubscribes
        assertThat(post("/api/webhooks/sendgrid", events, sendgrid(now, events)).statusCode())
                .isEqualTo(409);
    }

    @Test
    void shouldSuppressPostmarkBouncesWithBasicAuthAndRefuseWrongCredentialsReplaysAndMalformed()
            throws Exception {
        String bounce =
                "{\"RecordType\":\"Bounce\",\"ID\":4323372036854775807,\"Type\":\"HardBounce\","
                        + "\"TypeCode\":1,\"Name\":\"Hard bounce\",\"Tag\":\"milestones\","
                        + "\"MessageID\":\"883953f4-6105-42a2-a16a-77a8eac79483\","
                        + "\"Description\":\"The server was unable to deliver your message\","
                        + "\"Details\":\"smtp;550 5.1.1 The email account does not exist.\","
                        + "\"Email\":\"pm-hard@school.example\",\"From\":\"milestones@etwinning.example\","
                        + "\"BouncedAt\":\"2021-12-03T10:20:00Z\",\"Inactive\":true,"
                        + "\"CanActivate\":true,\"Subject\":\"1,000,000 eTwinners\"}";
        assertThat(post("/api/webhooks/postmark", bounce, basic("postmark", "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/webhooks/postmark", bounce, Map.of()).statusCode()).isEqualTo(401);
        assertThat(reason("pm-hard@school.example")).isNull();
        assertThat(post("/api/webhooks/postmark", "{\"RecordType\"", postmark()).statusCode())
                .isEqualTo(400);

        assertThat(post("/api/webhooks/postmark", bounce, postmark()).statusCode()).isEqualTo(200);
        assertThat(reason("pm-hard@school.example")).isEqualTo("HARD_BOUNCE/postmark");
        assertThat(post("/api/webhooks/postmark", bounce, postmark()).statusCode()).isEqualTo(409);

        String complaint =
                "{\"RecordType\":\"SpamComplaint\",\"ID\":42,\"Type\":\"SpamComplaint\","
                        + "\"TypeCode\":512,\"Email\":\"pm-spam@school.example\","
                        + "\"BouncedAt\":\"2021-12-03T10:20:00Z\"}";
        assertThat(post("/api/webhooks/postmark", complaint, postmark()).statusCode())
                .isEqualTo(200);
        assertThat(reason("pm-spam@school.example")).isEqualTo("COMPLAINT/postmark");
    }

    private String reason(String address) {
        List<String> found =
                jdbc.queryForList(
                        "select reason || '/' || source from suppressions where address_hash = ?",
                        String.class,
                        AddressHash.of(address));
        return found.isEmpty() ? null : found.get(0);
    }

    /** An SES event notification in Amazon's documented shape. */
    private static String ses(String kind, String bounceType, String address) {
        String mail =
                "\"mail\":{\"timestamp\":\"2021-12-03T10:16:00.000Z\","
                        + "\"source\":\"milestones@etwinning.example\","
                        + "\"messageId\":\"0100017d7f2f3b1a-example-000000\","
                        + "\"destination\":[\""
                        + address
                        + "\"],\"commonHeaders\":{\"messageId\":"
                        + "\"<country.PT.100.0123456789abcdef01234567@milestones.local>\"}}";
        if ("Complaint".equals(kind)) {
            return "{\"notificationType\":\"Complaint\",\"complaint\":{"
                    + "\"complainedRecipients\":[{\"emailAddress\":\""
                    + address
                    + "\"}],\"timestamp\":\"2021-12-03T10:30:00.000Z\","
                    + "\"feedbackId\":\"0100017d-complaint\",\"complaintFeedbackType\":\"abuse\"},"
                    + mail
                    + "}";
        }
        return "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\""
                + bounceType
                + "\",\"bounceSubType\":\"General\",\"bouncedRecipients\":[{"
                + "\"emailAddress\":\""
                + address
                + "\",\"action\":\"failed\",\"status\":\"5.1.1\","
                + "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],"
                + "\"timestamp\":\"2021-12-03T10:17:00.000Z\",\"feedbackId\":\"0100017d-bounce\"},"
                + mail
                + "}";
    }

    private static String sesNotification(String sesMessage, Instant timestamp) {
        return WebhookSigning.snsMessage(
                "Notification",
                fields(
                        "Message",
                        sesMessage,
                        "MessageId",
                        UUID.randomUUID().toString(),
                        "Timestamp",
                        timestamp.toString(),
                        "TopicArn",
                        TOPIC),
                CERT_URL);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, String> sendgrid(String timestamp, String body) {
        return Map.of(
                "X-Twilio-Email-Event-Webhook-Signature",
                WebhookSigning.sendgridSignature(timestamp, body),
                "X-Twilio-Email-Event-Webhook-Timestamp",
                timestamp);
    }

    private static Map<String, String> postmark() {
        return basic("postmark", POSTMARK_PASSWORD);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> post(String path, String body, Map<String, String> headers)
            throws Exception {
        var request =
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + DeliverabilityIT.PORT + path))
                        // SNS posts JSON as text/plain; SendGrid and Postmark as application/json
                        .header(
                                "Content-Type",
                                path.endsWith("/ses")
                                        ? "text/plain; charset=UTF-8"
                                        : "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WireMockServer sns() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(
                get(urlPathEqualTo("/SimpleNotificationService-test.pem"))
                        .willReturn(aResponse().withBody(WebhookSigning.snsCertificate())));
        server.stubFor(
                get(urlPathEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                "<ConfirmSubscriptionResponse><ConfirmSubscriptionResult>"
                                                        + "<SubscriptionArn>"
                                                        + TOPIC
                                                        + ":sub</SubscriptionArn>"
                                                        + "</ConfirmSubscriptionResult>"
                                                        + "</ConfirmSubscriptionResponse>")));
        return server;
    }
}
