package io.milestones.support;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Turns on Micrometer observation for <em>every</em> Kafka template and listener container factory,
 * also those a service builds itself (transactional, byte-array, retry): Boot's {@code
 * spring.kafka.*.observation-enabled} reach only the ones it auto-configures. With it, the W3C
 * trace context travels in each record's headers and each listener continues it.
 */
class KafkaObservation implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaTemplate<?, ?> template) {
            template.setObservationEnabled(true);
        } else if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            factory.getContainerProperties().setObservationEnabled(true);
        }
        return bean;
    }
}
