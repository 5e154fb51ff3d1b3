package io.milestones.chain.log;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** A {@link ChainLog} over Kafka's MockProducer, for the benchmark. */
public final class ChainLogs {

    private ChainLogs() {}

    public static ChainLog mock(ChainState state, AtomicLong written) {
        var factory =
                new MockProducerFactory<String, byte[]>(
                        (tx, id) -> {
                            var producer =
                                    new MockProducer<>(
                                            true,
                                            null,
                                            new StringSerializer(),
                                            new ByteArraySerializer());
                            producer.initTransactions();
                            return producer;
                        },
                        "tx-");
        var template = new KafkaTemplate<String, byte[]>(factory);
        return new ChainLog(template, state, Clock.systemUTC()) {
            @Override
            public void commit(java.util.List<Object> events, ChainCursor cursor) {
                super.commit(events, cursor);
                written.addAndGet(events.size());
            }
        };
    }
}
