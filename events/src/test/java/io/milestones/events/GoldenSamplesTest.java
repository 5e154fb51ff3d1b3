package io.milestones.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The samples in {@code docs/events/} are the contract: the code must read and write them. */
class GoldenSamplesTest {

    private static final Path SAMPLES = Path.of("..", "docs", "events");

    static Stream<Arguments> samples() {
        Instant reached = Instant.parse("2021-12-03T10:15:30Z");
        return Stream.of(
                Arguments.of(
                        "teacher-registered.v2.json",
                        new TeacherRegistered(
                                "t-000001", "IT", "it", reached, new Consents(true, true), false)),
                Arguments.of(
                        "teacher-registered.v1.json",
                        new TeacherRegisteredV1(
                                "t-000001",
                                "IT",
                                "it",
                                reached,
                                "Giulia Rossi",
                                "giulia.rossi@example.org",
                                new Consents(true, false),
                                false)),
                Arguments.of(
                        "teacher-contact.v1.json",
                        new TeacherContact(
                                "t-000001",
                                "IT",
                                "it",
                                "Giulia Rossi",
                                "giulia.rossi@example.org",
                                new Consents(true, true))),
                Arguments.of(
                        "teacher-erased.v1.json",
                        new TeacherErased("t-000001", Instant.parse("2022-01-10T08:00:00Z"))),
                Arguments.of(
                        "milestone-reached.v1.json",
                        new MilestoneReached(
                                "global:1000000",
                                Scope.GLOBAL,
                                1_000_000,
                                1_000_000,
                                reached,
                                Instant.parse("2021-12-03T10:15:31.250Z"),
                                new CrossedBy("t-000001", "IT", null))),
                Arguments.of(
                        "milestone-reached-country.v1.json",
                        new MilestoneReached(
                                "country:IT:50000",
                                Scope.country("IT"),
                                50_000,
                                50_002,
                                Instant.parse("2021-11-20T16:02:11Z"),
                                Instant.parse("2021-11-20T16:02:12.004Z"),
                                new CrossedBy("t-049981", "IT", null))),
                Arguments.of(
                        "chain-post-observed.v1.json",
                        new ChainPostObserved(
                                "1MeTwinners",
                                ChainNetwork.BLUESKY,
                                "at://did:plc:teacher0002/app.bsky.feed.post/3kchain0002",
                                "https://bsky.app/profile/did:plc:teacher0002/post/3kchain0002",
                                "did:plc:teacher0002",
                                "it",
                                Instant.parse("2021-12-03T11:02:00Z"),
                                java.util.List.of("did:plc:teacher0003"),
                                "at://did:plc:teacher0001/app.bsky.feed.post/3kchain0001",
                                null,
                                java.util.List.of("1metwinners"))),
                Arguments.of(
                        "chain-post-deleted.v1.json",
                        new ChainPostDeleted(
                                "1MeTwinners",
                                ChainNetwork.MASTODON,
                                "109876543210",
                                "maria@mastodon.example",
                                Instant.parse("2021-12-04T08:30:00Z"))),
                Arguments.of(
                        "milestone-approaching.v1.json",
                        new MilestoneApproaching(
                                "global:1000000",
                                Scope.GLOBAL,
                                1_000_000,
                                990_000,
                                0.99,
                                Instant.parse("2021-11-28T09:00:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("the code reads each golden sample into the expected record")
    void shouldReadGoldenSample(String file, Object expected) throws IOException {
        Object read =
                EventJson.read(Files.readAllBytes(SAMPLES.resolve(file)), expected.getClass());

        assertThat(read).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("the code writes each record exactly as its golden sample")
    void shouldWriteGoldenSample(String file, Object record) throws IOException {
        JsonNode written = EventJson.mapper().readTree(EventJson.write(record));
        JsonNode sample = EventJson.mapper().readTree(Files.readAllBytes(SAMPLES.resolve(file)));

        assertThat(written).isEqualTo(sample);
    }
}
