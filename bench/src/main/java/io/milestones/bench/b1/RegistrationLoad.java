package io.milestones.bench.b1;

import io.milestones.bench.Bench;
import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A deterministic stream of registrations as registration-service's outbox relay writes them
 * ({@code TeacherRegistered} JSON keyed by teacherId, CloudEvents {@code ce_*} headers and a W3C
 * {@code traceparent}), generated record by record so that millions never sit in memory: distinct
 * teachers over ten countries, a share re-delivered (same teacher, same {@code ce_id}) and a few
 * poison records. Adapted from milestone-service's test {@code RegistrationLoad}.
 */
public final class RegistrationLoad {

    static final List<String> COUNTRIES =
            List.of("IT", "PL", "ES", "FR", "DE", "RO", "GR", "PT", "TR", "UA");
    private static final Instant START = Instant.parse("2021-11-01T00:00:00Z");

    /** Records on the topic. */
    public final int records;

    /** Distinct teachers among them: what the global count must reach. */
    public final int teachers;

    /** Re-deliveries of an already sent teacher. */
    public final int duplicates;

    /** Records that are not a registration (bad JSON): dead-lettered by the service. */
    public final int poison;

    private RegistrationLoad(int records, int teachers, int duplicates, int poison) {
        this.records = records;
        this.teachers = teachers;
        this.duplicates = duplicates;
        this.poison = poison;
    }

    /** {@code records} in all, {@code duplicateShare} of the distinct teachers sent twice. */
    public static RegistrationLoad withDuplicates(int records, double duplicateShare, int poison) {
        int teachers = (int) Math.round((records - poison) / (1 + duplicateShare));
        return new RegistrationLoad(records, teachers, records - poison - teachers, poison);
    }

    /** Every record a new teacher. */
    public static RegistrationLoad distinct(int teachers) {
        return new RegistrationLoad(teachers, teachers, 0, 0);
    }

    /** The final count of a country. */
    public long countryCount(String country) {
        int index = COUNTRIES.indexOf(country);
        int n = COUNTRIES.size();
        return teachers / n + (index < teachers % n ? 1 : 0);
    }

    /** Valid registrations (duplicates included): what a count without de-duplication reaches. */
    public int registrations() {
        return teachers + duplicates;
    }

    /** Writes every record to {@code registrations} with one plain (non-transactional) producer. */
    /**
     * Creates the benchmark's topics on a fresh broker and writes this load to {@code
     * registrations}, printing how long that took.
     *
     * @return the seconds the preload took
     */
    public double preload(String bootstrap) throws Exception {
        BenchTopics.create(bootstrap);
        long t0 = System.nanoTime();
        produce(bootstrap);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Bench.out.printf(Locale.ROOT, "   preloaded %s in %.1f s%n", this, seconds);
        return seconds;
    }

    public void produce(String bootstrap) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.LINGER_MS_CONFIG,
                                10,
                                ProducerConfig.BATCH_SIZE_CONFIG,
                                256 * 1024,
                                ProducerConfig.BUFFER_MEMORY_CONFIG,
                                128L * 1024 * 1024),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            var emitter =
                    new Object() {
                        int emitted;
                        int nextPoison = 1;
                        final int poisonEvery = records / (poison + 1);

                        void send(ProducerRecord<String, byte[]> record) {
                            while (nextPoison <= poison && emitted >= nextPoison * poisonEvery) {
                                write(poisonRecord(nextPoison++));
                            }
                            write(record);
                        }

                        void write(ProducerRecord<String, byte[]> record) {
                            producer.send(
                                    record,
                                    (metadata, e) -> {
                                        if (e != null) {
                                            failure.compareAndSet(null, e);
                                        }
                                    });
                            emitted++;
                            if (emitted % 1_000_000 == 0) {
                                io.milestones.bench.Bench.out.printf(
                                        Locale.ROOT, "   produced %,d records%n", emitted);
                            }
                        }
                    };
            Random random = new Random(42);
            int sent = 0;
            for (int i = 0; i < teachers; i++) {
                emitter.send(registration(i));
                if (sent < duplicates && random.nextDouble() * (1.0 * teachers / duplicates) < 1) {
                    emitter.send(registration(random.nextInt(i + 1)));
                    sent++;
                }
            }
            while (sent < duplicates) {
                emitter.send(registration(random.nextInt(teachers)));
                sent++;
            }
            while (emitter.nextPoison <= poison) {
                emitter.write(poisonRecord(emitter.nextPoison++));
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("preload failed", failure.get());
        }
    }

    /** Teacher {@code i}'s registration, the same bytes and {@code ce_id} each time. */
    static ProducerRecord<String, byte[]> registration(int i) {
        String id = "t-%08d".formatted(i);
        String country = COUNTRIES.get(i % COUNTRIES.size());
        Instant at = START.plusMillis(250L * i);
        var event =
                new TeacherRegistered(
                        id,
                        country,
                        country.toLowerCase(Locale.ROOT),
                        at,
                        new Consents(i % 3 == 0, false),
                        false);
        var record = new ProducerRecord<>(Topics.REGISTRATIONS, id, EventJson.write(event));
        new CloudEvent(
                        new UUID(0x5EED_0000_0000_4000L, i).toString(),
                        "/registration-service",
                        EventType.TEACHER_REGISTERED,
                        at)
                .writeTo(record.headers());
        record.headers()
                .add(
                        "traceparent",
                        "00-%016x%016x-%016x-01"
                                .formatted(0x7ace_0000L + i, (long) i * 31, (long) i * 17 + 1)
                                .getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ProducerRecord<String, byte[]> poisonRecord(int p) {
        return new ProducerRecord<>(
                Topics.REGISTRATIONS,
                "poison-" + p,
                ("{\"teacherId\":\"poison-" + p).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%,d records on %s (6 partitions): %,d distinct teachers in %d countries,"
                        + " %,d re-deliveries, %d poison",
                records,
                Topics.REGISTRATIONS,
                teachers,
                COUNTRIES.size(),
                duplicates,
                poison);
    }
}
