package io.milestones.milestone.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milestones.events.CrossedBy;
import io.milestones.events.EventSerde;
import io.milestones.milestone.counting.CountingOptions.ValueFormat;
import io.milestones.milestone.counting.ScopeIncrement.Member;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The binary values of the internal stores and repartition topic: every field survives a round
 * trip, over many generated values (a fixed seed, so a failure repeats), and JSON written by the
 * previous version still reads.
 */
class InternalValueSerdeTest {

    static final String TOPIC = "milestone-service-by-scope-repartition";
    static final Instant T0 = Instant.parse("2021-12-03T12:00:00.123456789Z");

    final ScopeCountSerde counts = new ScopeCountSerde(ValueFormat.BINARY);
    final ScopeIncrementSerde increments = new ScopeIncrementSerde(ValueFormat.BINARY);
    final Random random = new Random(20261128);

    @Test
    @DisplayName("generated scope counts survive the round trip, field by field")
    void shouldRoundTripGeneratedScopeCounts() {
        for (int i = 0; i < 2_000; i++) {
            ScopeCount value = scopeCount();
            byte[] bytes = counts.serializer().serialize(TOPIC, value);

            assertThat(bytes[0]).isEqualTo(InternalValueSerde.VERSION);
            assertThat(counts.deserializer().deserialize(TOPIC, bytes)).isEqualTo(value);
        }
    }

    @Test
    @DisplayName("generated increments and partial sums survive the round trip, field by field")
    void shouldRoundTripGeneratedIncrements() {
        for (int i = 0; i < 2_000; i++) {
            ScopeIncrement value = increment();
            byte[] bytes = increments.serializer().serialize(TOPIC, value);

            assertThat(bytes[0]).isEqualTo(InternalValueSerde.VERSION);
            assertThat(increments.deserializer().deserialize(TOPIC, bytes)).isEqualTo(value);
        }
    }

    @Test
    @DisplayName("extremes: empty and absent fields, longest numbers, instant bounds")
    void shouldRoundTripExtremes() {
        List<ScopeCount> scopeCounts =
                List.of(
                        ScopeCount.ZERO,
                        new ScopeCount(Long.MAX_VALUE, Long.MIN_VALUE, Instant.MAX, null),
                        new ScopeCount(
                                -1,
                                0,
                                Instant.MIN,
                                new EventRate(
                                        Instant.EPOCH,
                                        Instant.MAX,
                                        Map.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 0L, -1L, 1L))));
        for (ScopeCount value : scopeCounts) {
            assertThat(roundTrip(counts, value)).isEqualTo(value);
        }
        List<ScopeIncrement> scopeIncrements =
                List.of(
                        new ScopeIncrement(0, null, null, false, null),
                        new ScopeIncrement(
                                Long.MIN_VALUE, crossedBy(), Instant.MIN, true, List.of()),
                        new ScopeIncrement(
                                Long.MAX_VALUE,
                                new CrossedBy("t-é\u00df\uD83C\uDF89", "IT", ""),
                                Instant.MAX,
                                false,
                                Arrays.asList(
                                        new Member(null, null, null),
                                        new Member(crossedBy(), T0, ""))),
                        new ScopeIncrement(crossedBy(), T0, false));
        for (ScopeIncrement value : scopeIncrements) {
            assertThat(roundTrip(increments, value)).isEqualTo(value);
        }
    }

    @Test
    @DisplayName("a restored hourly rate keeps working: sorted buckets, the same rate")
    void shouldRestoreAWorkingEventRate() {
        EventRate rate = EventRate.NONE;
        for (int minute = 0; minute <= 180; minute += 7) {
            rate = rate.add(T0.plusSeconds(60L * minute), 2);
        }
        var value = new ScopeCount(40, 30, T0, rate);

        ScopeCount read = roundTrip(counts, value);

        assertThat(read.rate().hourly()).isInstanceOf(TreeMap.class);
        assertThat(read.rate().perHour()).isEqualTo(rate.perHour());
        assertThat(read.rate().add(T0.plusSeconds(3600 * 30), 1))
                .isEqualTo(rate.add(T0.plusSeconds(3600 * 30), 1));
    }

    @Test
    @DisplayName("values written as JSON by the previous version still read (stores, changelogs)")
    void shouldReadJsonOfThePreviousVersion() {
        for (int i = 0; i < 500; i++) {
            ScopeCount count = scopeCount(false);
            byte[] countJson =
                    EventSerde.plain(ScopeCount.class).serializer().serialize(TOPIC, count);
            assertThat(countJson[0]).isEqualTo((byte) '{');
            assertThat(counts.deserializer().deserialize(TOPIC, countJson)).isEqualTo(count);

            ScopeIncrement increment = incrementWithValidFields();
            byte[] incrementJson =
                    EventSerde.plain(ScopeIncrement.class).serializer().serialize(TOPIC, increment);
            assertThat(increments.deserializer().deserialize(TOPIC, incrementJson))
                    .isEqualTo(increment);
        }
    }

    @Test
    @DisplayName("JSON exactly as the previous version stored it, literally")
    void shouldReadLiteralJsonOfThePreviousVersion() {
        String count =
                "{\"count\":1234,\"settledUpTo\":1000,\"lastEventAt\":\"2021-12-03T11:59:00Z\","
                        + "\"rate\":{\"firstAt\":\"2021-12-03T10:00:00Z\","
                        + "\"lastAt\":\"2021-12-03T11:59:00Z\",\"hourly\":{\"445186\":3,"
                        + "\"445187\":4}}}";
        String increment =
                "{\"delta\":2,\"crossedBy\":{\"teacherId\":\"t-2\",\"country\":\"IT\"},"
                        + "\"registeredAt\":\"2021-12-03T11:59:00Z\",\"baseline\":false,"
                        + "\"members\":[{\"crossedBy\":{\"teacherId\":\"t-1\",\"country\":\"FR\","
                        + "\"displayName\":\"Ana\"},\"registeredAt\":\"2021-12-03T11:58:00Z\","
                        + "\"traceParent\":null},{\"crossedBy\":{\"teacherId\":\"t-2\","
                        + "\"country\":\"IT\"},\"registeredAt\":\"2021-12-03T11:59:00Z\"}]}";

        ScopeCount readCount = counts.deserializer().deserialize(TOPIC, utf8(count));
        ScopeIncrement readIncrement =
                increments.deserializer().deserialize(TOPIC, utf8(increment));

        Instant at = Instant.parse("2021-12-03T11:59:00Z");
        assertThat(readCount)
                .isEqualTo(
                        new ScopeCount(
                                1234,
                                1000,
                                at,
                                new EventRate(
                                        Instant.parse("2021-12-03T10:00:00Z"),
                                        at,
                                        Map.of(445186L, 3L, 445187L, 4L))));
        assertThat(readIncrement.members())
                .containsExactly(
                        new Member(
                                new CrossedBy("t-1", "FR", "Ana"),
                                Instant.parse("2021-12-03T11:58:00Z"),
                                null),
                        new Member(new CrossedBy("t-2", "IT", null), at, null));
        assertThat(readIncrement.itemized()).isTrue();
    }

    @Test
    @DisplayName("the json format writes what the previous version wrote; either format reads both")
    void shouldWriteJsonWhenAsked() {
        var jsonCounts = new ScopeCountSerde(ValueFormat.JSON);
        var jsonIncrements = new ScopeIncrementSerde(ValueFormat.JSON);
        for (int i = 0; i < 200; i++) {
            ScopeCount count = scopeCount(false);
            byte[] json = jsonCounts.serializer().serialize(TOPIC, count);
            assertThat(json)
                    .isEqualTo(
                            EventSerde.plain(ScopeCount.class)
                                    .serializer()
                                    .serialize(TOPIC, count));
            assertThat(counts.deserializer().deserialize(TOPIC, json)).isEqualTo(count);
            assertThat(roundTrip(jsonCounts, count)).isEqualTo(count);
            assertThat(
                            jsonCounts
                                    .deserializer()
                                    .deserialize(
                                            TOPIC, counts.serializer().serialize(TOPIC, count)))
                    .isEqualTo(count);

            ScopeIncrement increment = incrementWithValidFields();
            assertThat(
                            increments
                                    .deserializer()
                                    .deserialize(
                                            TOPIC,
                                            jsonIncrements
                                                    .serializer()
                                                    .serialize(TOPIC, increment)))
                    .isEqualTo(increment);
        }
    }

    @Test
    @DisplayName("binary is much smaller than JSON for a full partial sum")
    void shouldBeSmallerThanJson() {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < PartialSums.MAX_SUM; i++) {
            members.add(
                    new Member(
                            new CrossedBy("teacher-" + i, "IT", null),
                            T0.plusMillis(i),
                            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        }
        var sum = new ScopeIncrement(members.size(), crossedBy(), T0, false, members);

        byte[] binary = increments.serializer().serialize(TOPIC, sum);
        byte[] json = EventSerde.plain(ScopeIncrement.class).serializer().serialize(TOPIC, sum);

        assertThat(binary.length).isLessThan(json.length / 2);
    }

    @Test
    @DisplayName("unknown versions, truncated or padded values are serialization errors")
    void shouldRejectWhatItDidNotWrite() {
        byte[] valid = counts.serializer().serialize(TOPIC, scopeCount());

        assertThatThrownBy(() -> counts.deserializer().deserialize(TOPIC, new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown format version 9");
        assertThatThrownBy(
                        () ->
                                counts.deserializer()
                                        .deserialize(TOPIC, Arrays.copyOf(valid, valid.length - 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(
                        () ->
                                counts.deserializer()
                                        .deserialize(TOPIC, Arrays.copyOf(valid, valid.length + 1)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> increments.deserializer().deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class);
        assertThat(counts.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(counts.serializer().serialize(TOPIC, null)).isNull();
    }

    private static <T> T roundTrip(InternalValueSerde<T> serde, T value) {
        return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value));
    }

    private ScopeCount scopeCount() {
        return scopeCount(true);
    }

    private ScopeCount scopeCount(boolean extremes) {
        Map<Long, Long> hourly = new TreeMap<>();
        int buckets = random.nextInt(4) == 0 ? 0 : random.nextInt(EventRate.HOURS + 1);
        for (int i = 0; i < buckets; i++) {
            hourly.put(number(), number());
        }
        EventRate rate =
                random.nextInt(5) == 0
                        ? null
                        : new EventRate(instant(extremes), instant(extremes), hourly);
        return new ScopeCount(number(), number(), instant(extremes), rate);
    }

    private ScopeIncrement increment() {
        return increment(true);
    }

    /** Fields JSON can carry too: instants within four-digit years. */
    private ScopeIncrement incrementWithValidFields() {
        return increment(false);
    }

    private ScopeIncrement increment(boolean extremes) {
        List<Member> members = null;
        int kind = random.nextInt(3);
        if (kind > 0) {
            members = new ArrayList<>();
            int size = kind == 1 ? 0 : 1 + random.nextInt(50);
            for (int i = 0; i < size; i++) {
                members.add(
                        new Member(
                                extremes && random.nextInt(10) == 0 ? null : crossedBy(),
                                instant(extremes),
                                random.nextBoolean() ? null : "00-" + Long.toHexString(number())));
            }
        }
        return new ScopeIncrement(
                number(),
                random.nextInt(10) == 0 ? null : crossedBy(),
                instant(extremes),
                random.nextBoolean(),
                members);
    }

    private CrossedBy crossedBy() {
        String country = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        String name =
                switch (random.nextInt(4)) {
                    case 0 -> null;
                    case 1 -> "";
                    case 2 -> "Zoë Ørsted-Łukasiewicz 🎉";
                    default -> "Name " + random.nextInt();
                };
        return new CrossedBy("t-" + Long.toUnsignedString(random.nextLong(), 36), country, name);
    }

    /** Small, large and extreme numbers of either sign. */
    private long number() {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(128);
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> Long.MAX_VALUE - random.nextInt(3);
            case 4 -> Long.MIN_VALUE + random.nextInt(3);
            default -> -random.nextInt(1_000);
        };
    }

    /** Absent, near, far or (with {@code extremes}) the bounds of {@link Instant}. */
    private Instant instant(boolean extremes) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> T0.plusNanos(random.nextLong() >>> 12);
            case 2 -> Instant.ofEpochSecond(-random.nextInt(), random.nextInt(1_000_000_000));
            case 3 ->
                    extremes
                            ? (random.nextBoolean() ? Instant.MAX : Instant.MIN)
                            : Instant.ofEpochSecond(253_402_300_799L); // 9999-12-31T23:59:59Z
            default -> T0.plusSeconds(random.nextInt(86_400));
        };
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
