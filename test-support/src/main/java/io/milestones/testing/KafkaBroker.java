package io.milestones.testing;

/** A running Kafka broker. Closing it stops it and deletes its data. */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} list for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** What kind of broker this is, for logs and test names. */
    String description();

    @Override
    void close();
}
