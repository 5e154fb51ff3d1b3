package io.milestones.milestone.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.milestones.chain.ChainServiceApplication;
import io.milestones.events.ChainNetwork;
import io.milestones.events.ChainPostDeleted;
import io.milestones.events.ChainPostObserved;
import io.milestones.events.CloudEvent;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.Topics;
import io.milestones.milestone.MilestoneServiceApplication;
import io.milestones.testing.FixedPortKafka;
import io.milestones.testing.KafkaBrokerExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The social chain's panel on the statistics page, in a real headless Chromium: milestone-service
 * serves the page, the real chain-service (its graph fed on {@code social-chain} of a real broker)
 * answers the browser across origins. A new answer ticks the count and tops the feed without a
 * reload; an answer its author deleted and one an admin hid leave the feed. Skipped where no
 * chromedriver is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainPanelBrowserIT {

    static final String ADMIN_KEY = "panel-admin-key";
    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @TempDir static Path stateDir;
    @TempDir static Path browserProfile;

    final int statsPort = FixedPortKafka.freePort();
    final int chainPort = FixedPortKafka.freePort();
    ConfigurableApplicationContext stats;
    ConfigurableApplicationContext chain;
    WebDriver browser;

    @BeforeAll
    void start() {
        assumeTrue(
                Files.isExecutable(StatsPageBrowserIT.CHROMEDRIVER),
                "no chromedriver at " + StatsPageBrowserIT.CHROMEDRIVER);
        chain =
                ChainServiceApplication.builder()
                        .run(
                                "--server.port=" + chainPort,
                                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "--milestones.chain.graph.refresh=0s",
                                "--milestones.chain.graph.admin-api-key=" + ADMIN_KEY);
        stats =
                MilestoneServiceApplication.builder()
                        .run(
                                "--server.port=" + statsPort,
                                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                                "--spring.kafka.streams.state-dir=" + stateDir,
                                "--milestones.stats.refresh-interval=200ms",
                                "--milestones.stats.chain.url=http://localhost:" + chainPort,
                                "--milestones.stats.chain.poll-interval=250ms",
                                "--milestones.stats.chain.latest=3");
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(StatsPageBrowserIT.CHROMIUM)) {
            options.setBinary(StatsPageBrowserIT.CHROMIUM.toFile());
        }
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + browserProfile,
                "--window-size=1200,1700");
        var service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(StatsPageBrowserIT.CHROMEDRIVER.toString()))
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stats != null) {
            stats.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    @Test
    void shouldTickWithANewAnswerAndDropDeletedAndHiddenOnesWithoutReload() throws Exception {
        // anna tags bert, bert answers and tags carla, carla answers: one chain of three
        send(
                post("1", "anna@a.social", 0, List.of("bert@b.social")),
                post("2", "bert@b.social", 10, List.of("carla@a.social")),
                post("3", "carla@a.social", 20, List.of()));

        browser.get("http://localhost:" + statsPort + "/?lang=en");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(panel())
                                        .isEqualTo(
                                                List.of(
                                                        "3",
                                                        "3",
                                                        "2",
                                                        "1",
                                                        "carla@a.social bert@b.social anna@a.social")));
        Object loadedAt = script("return performance.timeOrigin");
        assertThat(
                        script(
                                "return document.querySelector('#chain-feed li a').href + ' '"
                                        + " + document.getElementById('chain-heading').textContent"))
                .isEqualTo("https://a.social/@carla/3 The #1MeTwinners chain");

        // carla tagged dora, who answers: the count ticks, the chain grows, she tops the feed
        long sent = System.nanoTime();
        send(
                post("4", "dora@d.social", 30, List.of()),
                tag("5", "carla@a.social", 25, "dora@d.social"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> assertThat(panel().get(0)).isEqualTo("4"));
        long latencyMs = (System.nanoTime() - sent) / 1_000_000;
        System.out.printf("B13 post to page: %d ms (poll interval 250 ms)%n", latencyMs);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(panel())
                                        .isEqualTo(
                                                List.of(
                                                        "4",
                                                        "4",
                                                        "3",
                                                        "1",
                                                        "dora@d.social carla@a.social carla@a.social")));

        // dora deletes her answer; an admin hides carla's latest: both leave the feed
        send(
                new ChainPostDeleted(
                        "1MeTwinners", ChainNetwork.MASTODON, "4", "dora@d.social", Instant.now()));
        assertThat(hide("mastodon:5")).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(panel())
                                        .isEqualTo(
                                                List.of(
                                                        "4",
                                                        "4",
                                                        "3",
                                                        "1",
                                                        "carla@a.social bert@b.social anna@a.social")));
        assertThat(script("return performance.timeOrigin")).isEqualTo(loadedAt);
        assertThat((Long) script("return window.chainPanel.failures")).isZero();

        // in Italian
        browser.get("http://localhost:" + statsPort + "/?lang=it");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                script(
                                                        "return document.getElementById('chain-heading').textContent"
                                                                + " + ' | ' + document.querySelector('#chain dt').textContent"
                                                                + " + ' | ' + document.querySelector('[data-chain=participants]').textContent"))
                                        .isEqualTo(
                                                "La catena #1MeTwinners | Docenti che hanno risposto | 4"));
    }

    /** Participants, longest chain, conversions, chains and the feed's authors, in one script. */
    @SuppressWarnings("unchecked")
    private List<String> panel() {
        return (List<String>)
                script(
                        "const v = k => document.querySelector('#chain [data-chain=' + k + ']').textContent;"
                                + " return [v('participants'), v('longestChain'), v('conversions'), v('chains'),"
                                + " [...document.querySelectorAll('#chain-feed li a')].map(a => a.textContent).join(' ')]");
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private int hide(String post) throws Exception {
        String id =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(post.getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + chainPort
                                                        + "/api/admin/chain/posts/"
                                                        + id
                                                        + "/hidden"))
                                .header("X-API-Key", ADMIN_KEY)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static ChainPostObserved post(String id, String author, int second, List<String> mentions) {
        String user = author.substring(0, author.indexOf('@'));
        String host = author.substring(author.indexOf('@') + 1);
        return new ChainPostObserved(
                "1MeTwinners",
                ChainNetwork.MASTODON,
                id,
                "https://" + host + "/@" + user + "/" + id,
                author,
                "en",
                T0.plusSeconds(second),
                mentions,
                null,
                null,
                List.of("1metwinners"));
    }

    static ChainPostObserved tag(String id, String author, int second, String tagged) {
        return post(id, author, second, List.of(tagged));
    }

    private void send(Object... events) {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (Object event : events) {
                String key =
                        event instanceof ChainPostObserved p
                                ? p.author()
                                : ((ChainPostDeleted) event).author();
                String id =
                        event instanceof ChainPostObserved p
                                ? p.eventId()
                                : ((ChainPostDeleted) event).eventId();
                var record = new ProducerRecord<>(Topics.SOCIAL_CHAIN, key, EventJson.write(event));
                new CloudEvent(id, "/test", EventType.of(event), Instant.now())
                        .writeTo(record.headers());
                producer.send(record);
            }
            producer.flush();
        }
    }
}
