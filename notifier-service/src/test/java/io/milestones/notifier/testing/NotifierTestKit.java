package io.milestones.notifier.testing;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import io.milestones.events.TeacherContact;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.testing.FixedPortKafka;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the notifier's integration tests share: events on the broker, HTTP, e-mail parts. */
public final class NotifierTestKit {

    /** A token secret for tests (32+ characters). */
    public static final String TOKEN_SECRET = "test-secret-0123456789-abcdefghijklmnop";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private NotifierTestKit() {}

    /** A free port outside the ephemeral range (see {@link FixedPortKafka#freePort()}). */
    public static int freePort() {
        return FixedPortKafka.freePort();
    }

    /** A teacher's contact record, for {@code teacher-contacts}; not to be named publicly. */
    public static TeacherContact teacher(
            String id, String country, String language, boolean consent) {
        return teacher(id, country, language, consent, false);
    }

    public static TeacherContact teacher(
            String id, String country, String language, boolean consent, boolean publicName) {
        return new TeacherContact(
                id,
                country,
                language,
                "Teacher " + id,
                id + "@school.example",
                new Consents(consent, publicName));
    }

    public static MilestoneReached milestone(Scope scope, long threshold, CrossedBy crossedBy) {
        return new MilestoneReached(
                scope.milestoneId(threshold),
                scope,
                threshold,
                threshold,
                Instant.parse("2021-12-03T10:15:30Z"),
                Instant.parse("2021-12-03T10:15:31Z"),
                crossedBy);
    }

    /**
     * Publishes events of the contract with their CloudEvents headers, keyed as the contract says.
     */
    public static void publish(String bootstrap, String topic, List<?> events) {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.LINGER_MS_CONFIG,
                                5),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (Object event : events) {
                String key;
                if (event instanceof TeacherRegistered t) {
                    key = t.teacherId();
                } else if (event instanceof TeacherContact c) {
                    key = c.teacherId();
                } else if (event instanceof io.milestones.events.TeacherErased e) {
                    key = e.teacherId();
                } else if (event instanceof MilestoneReached m) {
                    key = m.milestoneId();
                } else {
                    throw new IllegalArgumentException(event.toString());
                }
                var record = new ProducerRecord<>(topic, key, EventJson.write(event));
                CloudEvent.create("/test", EventType.of(event), Instant.now())
                        .writeTo(record.headers());
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** A tombstone (null value) under {@code key}, as an erasure writes on teacher-contacts. */
    public static void publishTombstone(String bootstrap, String topic, String key) {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, (byte[]) null));
            producer.flush();
        }
    }

    public static void publishMilestone(String bootstrap, MilestoneReached milestone) {
        publish(bootstrap, Topics.MILESTONES, List.of(milestone));
    }

    public static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postForm(URI uri, String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postJson(URI uri, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The multipart/alternative (text + HTML) inside the message's multipart/related root. */
    public static MimeMultipart alternativeOf(MimeMessage mail) throws Exception {
        var root = (MimeMultipart) mail.getContent();
        return (MimeMultipart) root.getBodyPart(0).getContent();
    }

    public static String text(MimeMessage mail) throws Exception {
        return (String) alternativeOf(mail).getBodyPart(0).getContent();
    }

    public static String html(MimeMessage mail) throws Exception {
        return (String) alternativeOf(mail).getBodyPart(1).getContent();
    }

    /**
     * The parts of the multipart/related root after the text/HTML alternative (inline pictures).
     */
    public static java.util.List<jakarta.mail.BodyPart> inlineParts(MimeMessage mail)
            throws Exception {
        var root = (MimeMultipart) mail.getContent();
        var parts = new java.util.ArrayList<jakarta.mail.BodyPart>();
        for (int i = 1; i < root.getCount(); i++) {
            parts.add(root.getBodyPart(i));
        }
        return parts;
    }

    public static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code mailto:} target of a {@code List-Unsubscribe} header. */
    public static URI unsubscribeMailto(MimeMessage mail) {
        return listUnsubscribe(mail, "mailto:");
    }

    /** The HTTPS target of a {@code List-Unsubscribe} header. */
    public static URI unsubscribeUrl(MimeMessage mail) {
        return listUnsubscribe(mail, "http");
    }

    private static URI listUnsubscribe(MimeMessage mail, String scheme) {
        String value = header(mail, "List-Unsubscribe");
        var matcher = java.util.regex.Pattern.compile("<(" + scheme + "[^>]+)>").matcher(value);
        if (!matcher.find()) {
            throw new AssertionError("no " + scheme + " target in List-Unsubscribe: " + value);
        }
        return URI.create(matcher.group(1));
    }
}
