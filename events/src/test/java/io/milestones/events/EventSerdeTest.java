package io.milestones.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldRoundTripTeacherRegistered() {
        var serde = EventSerde.of(TeacherRegistered.class);
        var event = new TeacherRegistered("t1", "FR", "fr", T, null, true);

        byte[] bytes = serde.serializer().serialize("registrations", event);
        var read = serde.deserializer().deserialize("registrations", bytes);

        assertThat(read).isEqualTo(event);
        assertThat(read.consents()).isEqualTo(Consents.none());
        assertThat(read.baseline()).isTrue();
    }

    @Test
    void shouldPickTheRecordClassFromTheCeTypeHeader() {
        var erased = new TeacherErased("t1", T);
        var headers =
                CloudEvent.create("/test", EventType.TEACHER_ERASED, T)
                        .writeTo(new RecordHeaders());

        Object read =
                new EventSerde.EventDeserializer()
                        .deserialize("registrations", headers, EventJson.write(erased));

        assertThat(read).isEqualTo(erased);
    }

    @Test
    void shouldTreatAbsentBaselineAndConsentsAsFalse() {
        String json =
                "{\"teacherId\":\"t1\",\"country\":\"PL\",\"language\":\"pl\","
                        + "\"registeredAt\":\"2026-01-01T00:00:00Z\"}";

        var read = EventJson.read(json.getBytes(StandardCharsets.UTF_8), TeacherRegistered.class);

        assertThat(read.baseline()).isFalse();
        assertThat(read.consents().milestoneEmails()).isFalse();
        assertThat(read.consents().publicName()).isFalse();
    }

    @Test
    void shouldReadAV1RecordByItsCeTypeAndSplitOffItsPersonalData() {
        var v1 =
                new TeacherRegisteredV1(
                        "t1",
                        "IT",
                        "it",
                        T,
                        "Giulia Rossi",
                        "g@example.org",
                        new Consents(true, false),
                        false);
        var headers =
                CloudEvent.create("/test", EventType.TEACHER_REGISTERED_V1, T)
                        .writeTo(new RecordHeaders());

        Object read =
                EventSerde.anyOf(TeacherRegistered.class)
                        .deserializer()
                        .deserialize("registrations", headers, EventJson.write(v1));

        assertThat(read).isEqualTo(v1);
        assertThat(v1.withoutPersonalData())
                .isEqualTo(
                        new TeacherRegistered(
                                "t1", "IT", "it", T, new Consents(true, false), false));
        assertThat(new String(EventJson.write(v1.withoutPersonalData()), StandardCharsets.UTF_8))
                .doesNotContain("Giulia")
                .doesNotContain("g@example.org");
        assertThat(v1.contact())
                .contains(
                        new TeacherContact(
                                "t1",
                                "IT",
                                "it",
                                "Giulia Rossi",
                                "g@example.org",
                                new Consents(true, false)));
    }

    @Test
    void shouldReadAPlainV1ShapedRecordAsV2WithoutItsPersonalData() {
        String json =
                "{\"teacherId\":\"t1\",\"country\":\"PL\",\"language\":\"pl\","
                        + "\"registeredAt\":\"2026-01-01T00:00:00Z\",\"displayName\":\"Ana\","
                        + "\"email\":\"a@example.org\",\"consents\":{\"milestoneEmails\":true}}";

        var read = EventJson.read(json.getBytes(StandardCharsets.UTF_8), TeacherRegistered.class);

        assertThat(read)
                .isEqualTo(
                        new TeacherRegistered(
                                "t1",
                                "PL",
                                "pl",
                                Instant.parse("2026-01-01T00:00:00Z"),
                                new Consents(true, false),
                                false));
    }

    @Test
    void shouldRejectMissingRequiredFieldNamingIt() {
        String json =
                "{\"teacherId\":\"t1\",\"language\":\"pl\",\"registeredAt\":\"2026-01-01T00:00:00Z\"}";
        var deserializer = EventSerde.of(TeacherRegistered.class).deserializer();

        assertThatThrownBy(
                        () ->
                                deserializer.deserialize(
                                        "registrations", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("country is required");
    }

    @Test
    void shouldRejectBadJson() {
        var deserializer = EventSerde.of(TeacherRegistered.class).deserializer();

        assertThatThrownBy(
                        () ->
                                deserializer.deserialize(
                                        "registrations",
                                        "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a valid TeacherRegistered");
    }

    @Test
    void shouldRejectARecordOfAnotherTypeThanExpected() {
        var headers =
                CloudEvent.create("/test", EventType.TEACHER_ERASED, T)
                        .writeTo(new RecordHeaders());
        var deserializer = EventSerde.of(TeacherRegistered.class).deserializer();

        assertThatThrownBy(
                        () ->
                                deserializer.deserialize(
                                        "registrations",
                                        headers,
                                        EventJson.write(new TeacherErased("t1", T))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is a TeacherErased");
    }

    @Test
    void shouldRejectLowerCaseCountry() {
        assertThatThrownBy(() -> new TeacherRegistered("t1", "it", "it", T, null, false))
                .hasMessageContaining("country must be an ISO 3166-1 alpha-2 code");
    }

    @Test
    void shouldReadAnyContractTypeAndFallBackWhenNoCeTypeHeader() {
        var deserializer = EventSerde.anyOf(TeacherRegistered.class).deserializer();
        var erased = new TeacherErased("t1", T);
        var registered = new TeacherRegistered("t2", "DE", "de", T, null, false);
        var headers =
                CloudEvent.create("/test", EventType.TEACHER_ERASED, T)
                        .writeTo(new RecordHeaders());

        assertThat(deserializer.deserialize("registrations", headers, EventJson.write(erased)))
                .isEqualTo(erased);
        assertThat(
                        deserializer.deserialize(
                                "registrations", new RecordHeaders(), EventJson.write(registered)))
                .isEqualTo(registered);
    }

    @Test
    void shouldIgnoreHeadersForPlainJson() {
        var deserializer = EventSerde.plain(Consents.class).deserializer();
        var headers =
                CloudEvent.create("/test", EventType.TEACHER_ERASED, T)
                        .writeTo(new RecordHeaders());

        assertThat(
                        deserializer.deserialize(
                                "internal", headers, EventJson.write(new Consents(true, false))))
                .isEqualTo(new Consents(true, false));
    }
}
