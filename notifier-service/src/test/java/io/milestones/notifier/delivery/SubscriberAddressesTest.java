package io.milestones.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.milestones.notifier.subscription.SubscriberDirectory;
import io.milestones.notifier.subscription.SubscriberErased;
import io.milestones.notifier.suppression.SuppressionList;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The senders resolve a whole poll's subscriptions in one look-up, and never mail the erased. */
class SubscriberAddressesTest {

    static final UUID ANA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final UUID GONE = UUID.randomUUID();

    final SubscriberDirectory directory = mock(SubscriberDirectory.class);
    final SubscriberAddresses addresses = new SubscriberAddresses(directory, Clock.systemUTC());
    final PollPreparation preparation =
            new PollPreparation(
                    addresses,
                    mock(SuppressionList.class),
                    mock(Deliveries.class),
                    Clock.systemUTC());
    final PreparePolls interceptor = new PreparePolls();

    @Test
    void shouldResolveAPollsRequestsWithOneLookUpAndSkipTheErased() {
        when(directory.confirmedAddresses(any()))
                .thenReturn(Map.of(ANA, "ana@school.example", BEN, "ben@school.example"));
        interceptor.configure(Map.of(PreparePolls.PREPARATION, preparation));

        interceptor.onConsume(poll(ANA, BEN, GONE));

        verify(directory, times(1)).confirmedAddresses(Set.of(ANA, BEN, GONE));
        assertThat(addresses.address(ANA)).contains("ana@school.example");
        assertThat(addresses.address(GONE)).isEmpty();
        verify(directory, times(1)).confirmedAddresses(any());

        // Ben is erased after the poll: his prefetched address goes, the next look-up finds none
        addresses.on(new SubscriberErased("t-ben", "ben@school.example"));
        when(directory.confirmedAddresses(List.of(BEN))).thenReturn(Map.of());
        assertThat(addresses.address(BEN)).isEmpty();
        verify(directory).confirmedAddresses(List.of(BEN));
    }

    @Test
    void shouldRefuseToStartWithoutTheAddressesBean() {
        assertThatThrownBy(() -> interceptor.configure(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PreparePolls.PREPARATION);
    }

    private static ConsumerRecords<Object, Object> poll(UUID... subscriptions) {
        TopicPartition partition = new TopicPartition("notification-requests", 0);
        List<ConsumerRecord<Object, Object>> records = new java.util.ArrayList<>();
        for (UUID id : subscriptions) {
            records.add(
                    new ConsumerRecord<>(
                            partition.topic(),
                            0,
                            records.size(),
                            id.toString(),
                            NotificationRequest.toSubscriber("global:10", "en", id, false)));
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }
}
