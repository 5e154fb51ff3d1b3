package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import io.milestones.events.EventSerde;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.milestone.rules.MilestoneRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The counting topology, plain Kafka Streams (no Spring), so that it is tested with {@code
 * TopologyTestDriver}:
 *
 * <ol>
 *   <li>{@code registrations} (keyed by teacherId) pass the {@link RegistrationGate}: each
 *       teacherId once; poison records to {@code registrations-dlt};
 *   <li>each distinct registration becomes one increment per counted scope ({@code global}, {@code
 *       country:IT}), repartitioned by scope;
 *   <li>the {@link ScopeCounter} keeps each scope's count and emits {@code MilestoneReached} to
 *       {@code milestones}, keyed by milestoneId.
 * </ol>
 */
public final class CountingTopology {

    /** The store answering {@code GET /api/counts}. */
    public static final String COUNTS_STORE = ScopeCounter.STORE;

    private final MilestoneRules rules;
    private final Clock clock;
    private final String source;

    /**
     * @param rules thresholds per counted dimension
     * @param clock the time source of {@code detectedAt}
     * @param source the CloudEvents {@code ce_source} of emitted events
     */
    public CountingTopology(MilestoneRules rules, Clock clock, String source) {
        this.rules = rules;
        this.clock = clock;
        this.source = source;
    }

    /** Builds a standalone topology. */
    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder);
        return builder.build();
    }

    /** Adds the counting streams to {@code builder} (Spring's {@code StreamsBuilder} bean). */
    public void addTo(StreamsBuilder builder) {
        builder.addStateStore(store(RegistrationGate.STORE, Serdes.Long()));
        builder.addStateStore(store(ScopeCounter.STORE, EventSerde.plain(ScopeCount.class)));

        KStream<String, Gated> gated =
                builder.stream(
                                Topics.REGISTRATIONS,
                                Consumed.with(Serdes.String(), Serdes.ByteArray())
                                        .withName("registrations"))
                        .processValues(
                                RegistrationGate::new,
                                Named.as("distinct-teachers"),
                                RegistrationGate.STORE);

        gated.split(Named.as("gate-"))
                .branch(
                        (key, value) -> value.isDeadLetter(),
                        Branched.withConsumer(
                                dead ->
                                        dead.mapValues(
                                                        Gated::deadLetter,
                                                        Named.as("dead-letter-value"))
                                                .to(
                                                        Topics.deadLetter(Topics.REGISTRATIONS),
                                                        Produced.with(
                                                                        Serdes.String(),
                                                                        Serdes.ByteArray())
                                                                .withName("registrations-dlt")),
                                "dead"))
                .defaultBranch(
                        Branched.withConsumer(
                                counted ->
                                        counted.flatMap(
                                                        this::increments,
                                                        Named.as("scope-increments"))
                                                .repartition(
                                                        Repartitioned.with(
                                                                        Serdes.String(),
                                                                        EventSerde.plain(
                                                                                ScopeIncrement
                                                                                        .class))
                                                                .withName("by-scope"))
                                                .process(
                                                        () ->
                                                                new ScopeCounter(
                                                                        rules, clock, source),
                                                        Named.as("count-scopes"),
                                                        ScopeCounter.STORE)
                                                .to(
                                                        Topics.MILESTONES,
                                                        Produced.with(
                                                                        Serdes.String(),
                                                                        EventSerde.of(
                                                                                MilestoneEvent
                                                                                        .class))
                                                                .withName("milestones")),
                                "counted"));
    }

    private List<KeyValue<String, ScopeIncrement>> increments(String teacherId, Gated gated) {
        TeacherRegistered registration = gated.registration();
        var increment =
                new ScopeIncrement(
                        1,
                        CrossedBy.of(registration),
                        registration.registeredAt(),
                        registration.baseline());
        List<KeyValue<String, ScopeIncrement>> out = new ArrayList<>(2);
        for (ScopeType dimension : rules.dimensions()) {
            Scope scope =
                    switch (dimension) {
                        case GLOBAL -> Scope.GLOBAL;
                        case COUNTRY -> Scope.country(registration.country());
                        case LANGUAGE -> Scope.language(registration.language());
                    };
            out.add(KeyValue.pair(scope.id(), increment));
        }
        return out;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(
            String name, org.apache.kafka.common.serialization.Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
