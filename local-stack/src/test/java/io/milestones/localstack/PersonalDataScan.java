package io.milestones.localstack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks for a person's data everywhere the system keeps it: every record of every topic of the
 * broker from the beginning (internal topics, Kafka Streams changelogs and repartition topics,
 * retry and dead-letter topics; keys, values and headers; aborted transactions included), and every
 * row of every table of the given databases. The search is on bytes, case-insensitive.
 */
final class PersonalDataScan {

    private final String bootstrapServers;
    private final Map<String, String> databases;
    private final List<String> needles;

    /**
     * @param databases JDBC URL per service name
     * @param needles what must not occur (an address, a name)
     */
    PersonalDataScan(String bootstrapServers, Map<String, String> databases, List<String> needles) {
        this.bootstrapServers = bootstrapServers;
        this.databases = databases;
        this.needles = needles.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Every place a needle occurs: {@code topic:<name>/<partition>@<offset> <part>}, {@code db:…}.
     */
    Set<String> findings() throws Exception {
        Set<String> found = new TreeSet<>();
        found.addAll(topicFindings());
        found.addAll(databaseFindings());
        return found;
    }

    /** The topics (by name) in which a needle occurs. */
    Set<String> topicsWithFindings() throws Exception {
        Set<String> topics = new TreeSet<>();
        for (String finding : topicFindings()) {
            topics.add(finding.substring("topic:".length(), finding.indexOf('/')));
        }
        return topics;
    }

    /** Every topic the broker has, internal ones included. */
    Set<String> topics() throws Exception {
        try (Admin admin = admin()) {
            return new TreeSet<>(
                    admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
        }
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    List<String> topicFindings() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = admin()) {
            Set<String> names =
                    admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            for (TopicDescription topic :
                    admin.describeTopics(names).allTopicNames().get().values()) {
                topic.partitions()
                        .forEach(
                                p ->
                                        partitions.add(
                                                new TopicPartition(topic.name(), p.partition())));
            }
        }
        List<String> found = new ArrayList<>();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // aborted transactions stay in the log: they are copies too
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (var consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not read to their end in 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    String where =
                            "topic:"
                                    + record.topic()
                                    + "/"
                                    + record.partition()
                                    + "@"
                                    + record.offset();
                    check(record.key(), where + " key", found);
                    check(record.value(), where + " value", found);
                    for (Header header : record.headers()) {
                        check(
                                header.key().getBytes(StandardCharsets.UTF_8),
                                where + " header name",
                                found);
                        check(header.value(), where + " header " + header.key(), found);
                    }
                }
            }
        }
        return found;
    }

    List<String> databaseFindings() throws SQLException {
        List<String> found = new ArrayList<>();
        for (var database : databases.entrySet()) {
            try (Connection connection =
                    DriverManager.getConnection(database.getValue(), "sa", "")) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs =
                        connection
                                .createStatement()
                                .executeQuery(
                                        "select table_schema, table_name from"
                                                + " information_schema.tables where table_schema"
                                                + " not in ('INFORMATION_SCHEMA')")) {
                    while (rs.next()) {
                        tables.add('"' + rs.getString(1) + "\".\"" + rs.getString(2) + '"');
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs =
                            connection.createStatement().executeQuery("select * from " + table)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int c = 1; c <= columns; c++) {
                                check(
                                        bytes(rs.getObject(c)),
                                        "db:"
                                                + database.getKey()
                                                + " "
                                                + table
                                                + "."
                                                + rs.getMetaData().getColumnName(c),
                                        found);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static byte[] bytes(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof java.sql.Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length()).getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.deepToString(array).getBytes(StandardCharsets.UTF_8);
        }
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private void check(byte[] bytes, String where, List<String> found) {
        if (bytes == null) {
            return;
        }
        // ISO-8859-1 maps each byte to one char: a needle found in the text is found in the bytes
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String needle : needles) {
            if (text.contains(needle)) {
                found.add(where + " contains \"" + needle + "\"");
            }
        }
    }
}
