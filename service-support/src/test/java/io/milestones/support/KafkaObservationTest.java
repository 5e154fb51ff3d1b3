package io.milestones.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

class KafkaObservationTest {

    private final KafkaObservation observation = new KafkaObservation();

    @Test
    void shouldObserveEveryRecordListenerFactory() {
        var records = new ConcurrentKafkaListenerContainerFactory<String, String>();

        observation.postProcessBeforeInitialization(records, "records");

        assertThat(records.getContainerProperties().isObservationEnabled()).isTrue();
    }

    /**
     * The fallback timer of a batch listener is named like the observation timers with other tags:
     * Prometheus refused the record listeners' timers when a batch registered its timer first.
     */
    @Test
    void shouldGiveABatchListenerNoTimerThatHidesTheRecordListenersTimers() {
        var batches = new ConcurrentKafkaListenerContainerFactory<String, String>();
        batches.setBatchListener(true);

        observation.postProcessBeforeInitialization(batches, "batches");

        assertThat(batches.getContainerProperties().isMicrometerEnabled()).isFalse();
    }
}
