package io.milestones.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ChainEventsTest {

    private static final Instant T = Instant.parse("2021-12-03T11:00:00Z");

    private static ChainPostObserved post(String postId) {
        return new ChainPostObserved(
                "1MeTwinners",
                ChainNetwork.MASTODON,
                postId,
                "https://mastodon.example/@maria/" + postId,
                "maria@mastodon.example",
                "es",
                T,
                List.of("luca@other.example"),
                null,
                null,
                List.of("1metwinners"));
    }

    @Test
    void shouldDeriveTheCeIdFromNetworkAndPostIdSoReReadsDeduplicate() {
        assertThat(post("1099").eventId()).isEqualTo("mastodon:1099");
        assertThat(post("1099").eventId()).isEqualTo(post("1099").eventId());
        assertThat(
                        new ChainPostDeleted(
                                        "1MeTwinners",
                                        ChainNetwork.MASTODON,
                                        "1099",
                                        "maria@mastodon.example",
                                        T)
                                .eventId())
                .isEqualTo("mastodon:1099:deleted");
    }

    @Test
    void shouldReadObservedAndDeletedFromOneTopicByTheirCeType() {
        var deserializer = new EventSerde.EventDeserializer();
        var deleted =
                new ChainPostDeleted(
                        "1MeTwinners", ChainNetwork.BLUESKY, "at://x/p/1", "did:plc:x", T);

        Object observed =
                deserializer.deserialize(
                        Topics.SOCIAL_CHAIN,
                        CloudEvent.create("/chain-service", EventType.CHAIN_POST_OBSERVED, T)
                                .writeTo(new RecordHeaders()),
                        EventJson.write(post("1")));
        Object gone =
                deserializer.deserialize(
                        Topics.SOCIAL_CHAIN,
                        CloudEvent.create("/chain-service", EventType.CHAIN_POST_DELETED, T)
                                .writeTo(new RecordHeaders()),
                        EventJson.write(deleted));

        assertThat(observed).isEqualTo(post("1"));
        assertThat(gone).isEqualTo(deleted);
    }

    @Test
    void shouldNameTheMissingField() {
        assertThatThrownBy(
                        () ->
                                new ChainPostObserved(
                                        "1MeTwinners",
                                        ChainNetwork.X,
                                        "1",
                                        null,
                                        " ",
                                        null,
                                        T,
                                        null,
                                        null,
                                        null,
                                        null))
                .hasMessageContaining("author");
    }
}
