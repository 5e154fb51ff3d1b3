package io.milestones.bench.b1;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** "Done" of the B1 peers: the counts per country, read from their store, are the expected ones. */
final class CountryCounts {

    private CountryCounts() {}

    /**
     * Whether the store (country to count, summed over the instance's tasks) holds exactly the
     * load's distinct count of every country.
     */
    static boolean exact(KafkaStreams streams, String store, RegistrationLoad load) {
        Map<String, Long> counts = read(streams, store);
        for (String country : RegistrationLoad.COUNTRIES) {
            if (counts.getOrDefault(country, 0L) != load.countryCount(country)) {
                return false;
            }
        }
        return counts.size() == RegistrationLoad.COUNTRIES.size();
    }

    private static Map<String, Long> read(KafkaStreams streams, String store) {
        Map<String, Long> counts = new HashMap<>();
        try (var all =
                streams.store(
                                StoreQueryParameters.fromNameAndType(
                                        store, QueryableStoreTypes.<String, Long>keyValueStore()))
                        .all()) {
            // per-task stores (the floor) repeat a country: their counts add up
            all.forEachRemaining(entry -> counts.merge(entry.key, entry.value, Long::sum));
        } catch (InvalidStateStoreException e) {
            counts.clear();
        }
        return counts;
    }
}
