package io.milestones.milestone.counting;

import io.milestones.events.ChainPostObserved;
import io.milestones.events.CrossedBy;
import io.milestones.events.EventSerde;
import io.milestones.events.Scope;
import io.milestones.events.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each participant of a campaign's chain through once: the first {@code ChainPostObserved} of
 * an author (network + account) in a campaign counts one for scope {@code campaign:<tag>}, in the
 * same exactly-once transaction as the count. A deletion passes nothing — a count never goes down,
 * a milestone once reached stays. A poison record becomes a dead letter with its reason.
 *
 * <p>The milestone names a chain post, not a teacher: {@code crossedBy.teacherId} is {@code
 * chain:<network>:<postId>} and the country is {@code ZZ} (CLDR's unknown region), since a post
 * carries no country; the notifier finds no teacher to write a personal note to.
 */
final class ChainGate implements FixedKeyProcessor<String, byte[], ChainGated> {

    static final String STORE = "chain-participants-seen";
    static final String UNKNOWN_COUNTRY = "ZZ";

    private final Deserializer<Object> deserializer = new EventSerde.EventDeserializer();
    private FixedKeyProcessorContext<String, ChainGated> context;
    private KeyValueStore<String, Long> seen;

    @Override
    public void init(FixedKeyProcessorContext<String, ChainGated> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        Object event;
        try {
            event = deserializer.deserialize(Topics.SOCIAL_CHAIN, record.headers(), record.value());
            if (event == null) {
                throw new SerializationException("record has no value");
            }
        } catch (SerializationException e) {
            var dead = record.withValue(ChainGated.deadLetter(record.value()));
            context.recordMetadata()
                    .ifPresent(
                            origin ->
                                    DeadLetterHeaders.write(
                                            dead.headers(), origin, context.applicationId(), e));
            context.forward(dead);
            return;
        }
        if (event instanceof ChainPostObserved post) {
            String participant = post.campaign() + "|" + post.network().id() + "|" + post.author();
            if (seen.putIfAbsent(participant, post.createdAt().toEpochMilli()) == null) {
                var increment =
                        new ScopeIncrement(
                                new CrossedBy("chain:" + post.eventId(), UNKNOWN_COUNTRY, null),
                                post.createdAt(),
                                false);
                context.forward(
                        record.withValue(
                                ChainGated.count(Scope.campaign(post.campaign()).id(), increment)));
            }
        }
    }
}
