package io.milestones.bench.b4;

import io.milestones.bench.b3.Database;
import io.milestones.events.CloudEvent;
import io.milestones.events.EventType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * B4's reference: the outbox's events (same keys, JSON payloads and CloudEvents headers) sent by a
 * plain idempotent {@link KafkaProducer} with {@code acks=all} and the relay's producer settings,
 * all at once, to a topic of their own.
 */
final class RawProducer {

    private RawProducer() {}

    /** The pending events of the outbox as records for {@code topic}, oldest first. */
    static List<ProducerRecord<String, byte[]>> read(Database db, String topic)
            throws SQLException {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only in a transaction
            try (Statement s = c.createStatement()) {
                s.setFetchSize(5000);
                try (ResultSet rs =
                        s.executeQuery(
                                "SELECT event_id, event_key, event_type, source, event_time,"
                                        + " payload FROM outbox_event ORDER BY id")) {
                    while (rs.next()) {
                        var record =
                                new ProducerRecord<>(
                                        topic,
                                        rs.getString("event_key"),
                                        rs.getString("payload").getBytes(StandardCharsets.UTF_8));
                        new CloudEvent(
                                        rs.getString("event_id"),
                                        rs.getString("source"),
                                        EventType.ofCeType(rs.getString("event_type"))
                                                .orElseThrow(),
                                        rs.getObject("event_time", OffsetDateTime.class)
                                                .toInstant())
                                .writeTo(record.headers());
                        records.add(record);
                    }
                }
            }
            c.commit();
        }
        return records;
    }

    /**
     * Sends every record and waits for all acknowledgements.
     *
     * @return seconds from the first send to the last acknowledgement
     */
    static double send(String bootstrapServers, List<ProducerRecord<String, byte[]>> records)
            throws Exception {
        Map<String, Object> settings =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        5,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5);
        try (var producer =
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(records.get(0).topic()); // metadata before the clock starts
            long start = System.nanoTime();
            AtomicLong failed = new AtomicLong();
            for (var record : records) {
                producer.send(
                        record,
                        (metadata, e) -> {
                            if (e != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " raw sends failed");
            }
            return seconds;
        }
    }
}
