package io.milestones.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private static final Instant T = Instant.parse("2021-12-03T10:15:30.123Z");

    @Test
    void shouldWriteAllBinaryModeHeaders() {
        var event =
                new CloudEvent("id-1", "/registration-service", EventType.TEACHER_REGISTERED, T);

        Headers headers = event.writeTo(new RecordHeaders());

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo("id-1");
        assertThat(header(headers, "ce_source")).isEqualTo("/registration-service");
        assertThat(header(headers, "ce_type")).isEqualTo("io.milestones.teacher.registered.v2");
        assertThat(header(headers, "ce_time")).isEqualTo("2021-12-03T10:15:30.123Z");
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void shouldReadWhatItWrote() {
        var event = CloudEvent.create("/milestone-service", EventType.MILESTONE_REACHED, T);

        assertThat(CloudEvent.readFrom(event.writeTo(new RecordHeaders()))).isEqualTo(event);
    }

    @Test
    void shouldNotDuplicateHeadersWhenWrittenTwice() {
        var headers = new RecordHeaders();
        CloudEvent.create("/a", EventType.TEACHER_ERASED, T).writeTo(headers);
        CloudEvent.create("/b", EventType.TEACHER_ERASED, T).writeTo(headers);

        assertThat(headers.headers("ce_source")).hasSize(1);
        assertThat(header(headers, "ce_source")).isEqualTo("/b");
    }

    @Test
    void shouldRejectUnknownTypeAndWrongSpecVersion() {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "com.example.other".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEvent.readFrom(headers))
                .hasMessageContaining("unknown ce_type");

        var v03 = new RecordHeaders();
        v03.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEvent.readFrom(v03))
                .hasMessageContaining("ce_specversion must be 1.0");
    }

    @Test
    void shouldBuildDeterministicMilestoneIds() {
        assertThat(Scope.GLOBAL.milestoneId(1_000_000)).isEqualTo("global:1000000");
        assertThat(Scope.country("IT").milestoneId(50_000)).isEqualTo("country:IT:50000");
        assertThat(Scope.fromId("country:IT")).isEqualTo(Scope.country("IT"));
        assertThat(Scope.fromId("global")).isEqualTo(Scope.GLOBAL);
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
