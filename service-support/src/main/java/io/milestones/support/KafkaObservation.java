package io.milestones.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Turns on Micrometer observation for <em>every</em> Kafka template and listener container factory,
 * also those a service builds itself (transactional, byte-array, retry): Boot's {@code
 * spring.kafka.*.observation-enabled} reach only the ones it auto-configures. With it, the W3C
 * trace context travels in each record's headers and each listener continues it.
 *
 * <p>A batch listener is not observed (spring-kafka observes batches only record by record, {@code
 * recordObservationsInBatch}), and would fall back to spring-kafka's own timer, which bears the
 * observation timers' name ({@code spring.kafka.listener}) with other tags. Prometheus keeps one
 * set of tags per name: whichever registered second was refused, so the record listeners' timers
 * went missing from {@code /actuator/prometheus} once a batch had been handled first. That fallback
 * timer is off for batch factories; their progress shows in the consumer's own metrics (lag,
 * records consumed).
 */
class KafkaObservation implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaTemplate<?, ?> template) {
            template.setObservationEnabled(true);
        } else if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            ContainerProperties container = factory.getContainerProperties();
            container.setObservationEnabled(true);
            if (Boolean.TRUE.equals(factory.isBatchListener())) {
                container.setMicrometerEnabled(false);
            }
        }
        return bean;
    }
}
