package io.milestones.milestone.counting;

import io.milestones.events.CrossedBy;
import io.milestones.events.EventSerde;
import io.milestones.events.MilestoneEvent;
import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.milestone.counting.CountingOptions.GlobalAggregation;
import io.milestones.milestone.rules.MilestoneRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
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
 *       country:IT}, {@code language:it}), repartitioned by scope; with {@link
 *       GlobalAggregation#TWO_LEVEL} the global increments, with {@link
 *       GlobalAggregation#EVERY_SCOPE} (the default) those of every scope, are summed per input
 *       task first ({@link PartialSums});
 *   <li>the {@link ScopeCounter} keeps each scope's count, emits milestone events to {@code
 *       milestones} (keyed by milestoneId) and publishes counts to the compacted {@code
 *       milestone-counts}; beside it the {@link HistoryRecorder} counts each scope per day and hour
 *       of event time and publishes to {@code milestone-count-history};
 *   <li>every instance reads {@code milestone-counts}, {@code milestone-count-history} and {@code
 *       milestones} into global stores ({@link #COUNTS_VIEW}, {@link #HISTORY_VIEW}, {@link
 *       MilestoneHistory#STORE}) that the read API queries.
 * </ol>
 */
public final class CountingTopology {

    /** The store of the counting task (local to the instance that owns the scope). */
    public static final String COUNTS_STORE = ScopeCounter.STORE;

    /** Every scope's count as published on {@code milestone-counts}, on every instance. */
    public static final String COUNTS_VIEW = "milestone-counts-view";

    /** The store of the history task (local to the instance that owns the scope). */
    public static final String HISTORY_STORE = HistoryRecorder.STORE;

    /** Every scope's count per day and hour, as published on {@code milestone-count-history}. */
    public static final String HISTORY_VIEW = "milestone-count-history-view";

    private final MilestoneRules rules;
    private final Clock clock;
    private final String source;
    private final CountingOptions options;

    /**
     * @param rules thresholds per counted dimension
     * @param clock the time source of {@code detectedAt}
     * @param source the CloudEvents {@code ce_source} of emitted events
     */
    public CountingTopology(MilestoneRules rules, Clock clock, String source) {
        this(rules, clock, source, CountingOptions.DEFAULTS);
    }

    public CountingTopology(
            MilestoneRules rules, Clock clock, String source, CountingOptions options) {
        this.rules = rules;
        this.clock = clock;
        this.source = source;
        this.options = options;
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
        // cached: a scope changes many times per commit, its changelog gets the last value only
        builder.addStateStore(
                store(ScopeCounter.STORE, new ScopeCountSerde(options.internalValues()))
                        .withCachingEnabled());
        builder.addStateStore(store(HistoryRecorder.STORE, Serdes.Long()).withCachingEnabled());
        if (!summed().isEmpty()) {
            builder.addStateStore(
                    store(PartialSums.STORE, new ScopeIncrementSerde(options.internalValues()))
                            .withCachingEnabled());
        }
        readViews(builder);

        KStream<String, Gated> gated =
                builder.stream(
                                Topics.REGISTRATIONS,
                                Consumed.with(Serdes.String(), Serdes.ByteArray())
                                        .withName("registrations"))
                        .processValues(
                                RegistrationGate::new,
                                Named.as("distinct-teachers"),
                                RegistrationGate.STORE);

        KStream<String, ScopeIncrement> chainIncrements = null;
        if (rules.dimensions().contains(ScopeType.CAMPAIGN)) {
            chainIncrements = chainParticipants(builder);
        }
        KStream<String, ScopeIncrement> extra = chainIncrements;
        gated.split(Named.as("gate-"))
                .branch(
                        (key, value) -> value.isDeadLetter(),
                        Branched.withConsumer(CountingTopology::deadLetter, "dead"))
                .defaultBranch(Branched.withConsumer(counted -> count(counted, extra), "counted"));
    }

    /**
     * {@code social-chain} (keyed by author) through the {@link ChainGate}: each campaign's
     * distinct participants as increments of scope {@code campaign:<tag>}; poison records to {@code
     * social-chain-dlt}.
     */
    private KStream<String, ScopeIncrement> chainParticipants(StreamsBuilder builder) {
        builder.addStateStore(store(ChainGate.STORE, Serdes.Long()));
        var gated =
                builder.stream(
                                Topics.SOCIAL_CHAIN,
                                Consumed.with(Serdes.String(), Serdes.ByteArray())
                                        .withName("social-chain"))
                        .processValues(
                                ChainGate::new, Named.as("distinct-participants"), ChainGate.STORE);
        gated.filter((key, value) -> value.isDeadLetter(), Named.as("chain-dead"))
                .mapValues(ChainGated::deadLetter, Named.as("chain-dead-letter-value"))
                .to(
                        Topics.deadLetter(Topics.SOCIAL_CHAIN),
                        Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("social-chain-dlt"));
        return gated.filter((key, value) -> !value.isDeadLetter(), Named.as("chain-counted"))
                .map(
                        (author, value) -> KeyValue.pair(value.scopeId(), value.increment()),
                        Named.as("chain-increments"));
    }

    private static void deadLetter(KStream<String, Gated> dead) {
        dead.mapValues(Gated::deadLetter, Named.as("dead-letter-value"))
                .to(
                        Topics.deadLetter(Topics.REGISTRATIONS),
                        Produced.with(Serdes.String(), Serdes.ByteArray())
                                .withName("registrations-dlt"));
    }

    private void count(KStream<String, Gated> counted, KStream<String, ScopeIncrement> extra) {
        Set<ScopeType> summed = summed();
        KStream<String, ScopeIncrement> increments = null;
        if (rules.dimensions().stream()
                .anyMatch(d -> d != ScopeType.CAMPAIGN && !summed.contains(d))) {
            increments =
                    counted.flatMap(
                            (teacherId, gated) -> increments(gated, summed),
                            Named.as("scope-increments"));
        }
        if (!summed.isEmpty()) {
            KStream<String, ScopeIncrement> partialSums =
                    counted.process(
                            () ->
                                    new PartialSums(
                                            options.flushInterval(),
                                            registration -> scopeIds(summed, registration)),
                            Named.as("global-partial-sums"),
                            PartialSums.STORE);
            increments =
                    increments == null
                            ? partialSums
                            : increments.merge(partialSums, Named.as("all-increments"));
        }
        if (extra != null) {
            increments = increments.merge(extra, Named.as("with-chain-increments"));
        }
        KStream<String, ScopeIncrement> byScope =
                increments.repartition(
                        Repartitioned.with(
                                        Serdes.String(),
                                        new ScopeIncrementSerde(options.internalValues()))
                                .withName("by-scope"));
        byScope.process(
                        () ->
                                new HistoryRecorder(
                                        clock, options.publishInterval(), options.hourlyHistory()),
                        Named.as("count-history"),
                        HistoryRecorder.STORE)
                .to(
                        Topics.MILESTONE_COUNT_HISTORY,
                        Produced.with(Serdes.String(), EventSerde.plain(HistoryBucket.class))
                                .withName("milestone-count-history"));
        byScope.process(
                        () -> new ScopeCounter(rules, clock, source, options.publishInterval()),
                        Named.as("count-scopes"),
                        ScopeCounter.STORE)
                .split(Named.as("counter-"))
                .branch(
                        (key, out) -> out.isEvent(),
                        Branched.withConsumer(
                                events ->
                                        events.mapValues(
                                                        CounterOutput::event,
                                                        Named.as("milestone-event"))
                                                .to(
                                                        Topics.MILESTONES,
                                                        Produced.with(
                                                                        Serdes.String(),
                                                                        EventSerde.of(
                                                                                MilestoneEvent
                                                                                        .class))
                                                                .withName("milestones")),
                                "events"))
                .defaultBranch(
                        Branched.withConsumer(
                                published ->
                                        published
                                                .mapValues(
                                                        CounterOutput::count,
                                                        Named.as("scope-count"))
                                                .to(
                                                        Topics.MILESTONE_COUNTS,
                                                        Produced.with(
                                                                        Serdes.String(),
                                                                        EventSerde.plain(
                                                                                ScopeCount.class))
                                                                .withName("milestone-counts")),
                                "counts"));
    }

    /** Global stores every instance keeps in full, so any instance answers the read API. */
    private static void readViews(StreamsBuilder builder) {
        builder.globalTable(
                Topics.MILESTONE_COUNTS,
                Consumed.with(Serdes.String(), EventSerde.plain(ScopeCount.class))
                        .withName("milestone-counts-source"),
                Materialized.<String, ScopeCount, KeyValueStore<Bytes, byte[]>>as(COUNTS_VIEW));
        builder.globalTable(
                Topics.MILESTONE_COUNT_HISTORY,
                Consumed.with(Serdes.String(), EventSerde.plain(HistoryBucket.class))
                        .withName("milestone-count-history-source"),
                Materialized.<String, HistoryBucket, KeyValueStore<Bytes, byte[]>>as(HISTORY_VIEW));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(MilestoneHistory.STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.MILESTONES,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("milestones-source"),
                HistoryWriter::new);
    }

    /**
     * The dimensions summed per input task before the repartition (empty: one increment per
     * registration and scope).
     */
    private Set<ScopeType> summed() {
        Set<ScopeType> summed = EnumSet.noneOf(ScopeType.class);
        for (ScopeType dimension : rules.dimensions()) {
            boolean sum =
                    switch (options.globalAggregation()) {
                        case SINGLE_KEY -> false;
                        case TWO_LEVEL -> dimension == ScopeType.GLOBAL;
                        case EVERY_SCOPE -> dimension != ScopeType.CAMPAIGN;
                    };
            if (sum) {
                summed.add(dimension);
            }
        }
        return summed;
    }

    private static List<String> scopeIds(
            Set<ScopeType> dimensions, TeacherRegistered registration) {
        List<String> ids = new ArrayList<>(dimensions.size());
        for (ScopeType dimension : dimensions) {
            ids.add(scopeOf(dimension, registration).id());
        }
        return ids;
    }

    private List<KeyValue<String, ScopeIncrement>> increments(Gated gated, Set<ScopeType> summed) {
        TeacherRegistered registration = gated.registration();
        var increment =
                new ScopeIncrement(
                        CrossedBy.of(registration),
                        registration.registeredAt(),
                        registration.baseline());
        List<KeyValue<String, ScopeIncrement>> out = new ArrayList<>(3);
        for (ScopeType dimension : rules.dimensions()) {
            if (summed.contains(dimension) || dimension == ScopeType.CAMPAIGN) {
                continue;
            }
            out.add(KeyValue.pair(scopeOf(dimension, registration).id(), increment));
        }
        return out;
    }

    /** The scope a registration counts in along {@code dimension}. */
    static Scope scopeOf(ScopeType dimension, TeacherRegistered registration) {
        return switch (dimension) {
            case GLOBAL -> Scope.GLOBAL;
            case COUNTRY -> Scope.country(registration.country());
            case LANGUAGE -> Scope.language(primaryLanguage(registration.language()));
            case CAMPAIGN ->
                    throw new IllegalArgumentException("a registration counts in no campaign");
        };
    }

    /** {@code pt-BR} and {@code pt-PT} both count for {@code pt}. */
    static String primaryLanguage(String tag) {
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return language.isEmpty() ? tag.trim().toLowerCase(Locale.ROOT) : language;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(
            String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
