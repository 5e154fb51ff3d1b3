package io.milestones.milestone.counting;

import io.milestones.events.EventSerde;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.TeacherRegisteredV1;
import io.milestones.events.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each teacherId through once. Reads the raw record itself so that a poison record (bad JSON,
 * a missing field, a key that is not the teacherId) becomes a dead letter inside the same
 * exactly-once transaction instead of stopping the partition. Erasures pass no count: the fact that
 * a teacher registered stays counted. A v1 record (a producer not upgraded yet) counts like v2;
 * only its personal-data-free part goes any further, so no name reaches a store, a changelog or
 * {@code milestones}.
 */
final class RegistrationGate implements FixedKeyProcessor<String, byte[], Gated> {

    static final String STORE = "teachers-seen";

    private final Deserializer<Object> deserializer =
            EventSerde.anyOf(TeacherRegistered.class).deserializer();
    private FixedKeyProcessorContext<String, Gated> context;
    private KeyValueStore<String, Long> seen;

    @Override
    public void init(FixedKeyProcessorContext<String, Gated> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        Object event;
        try {
            event =
                    deserializer.deserialize(
                            Topics.REGISTRATIONS, record.headers(), record.value());
            if (event == null) {
                throw new SerializationException("record has no value");
            }
            if (event instanceof TeacherRegisteredV1 v1) {
                event = v1.withoutPersonalData();
            }
            if (event instanceof TeacherRegistered registration
                    && !registration.teacherId().equals(record.key())) {
                throw new SerializationException(
                        "record key must be the teacherId, got key '" + record.key() + "'");
            }
        } catch (SerializationException e) {
            deadLetter(record, e);
            return;
        }
        if (event instanceof TeacherRegistered registration
                && seen.putIfAbsent(
                                registration.teacherId(),
                                registration.registeredAt().toEpochMilli())
                        == null) {
            context.forward(record.withValue(Gated.count(registration)));
        }
    }

    private void deadLetter(FixedKeyRecord<String, byte[]> record, SerializationException cause) {
        var dead = record.withValue(Gated.deadLetter(record.value()));
        context.recordMetadata()
                .ifPresent(
                        origin ->
                                DeadLetterHeaders.write(
                                        dead.headers(), origin, context.applicationId(), cause));
        context.forward(dead);
    }
}
