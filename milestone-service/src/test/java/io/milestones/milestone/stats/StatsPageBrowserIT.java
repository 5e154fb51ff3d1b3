package io.milestones.milestone.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.milestones.events.CloudEvent;
import io.milestones.events.Consents;
import io.milestones.events.EventJson;
import io.milestones.events.EventType;
import io.milestones.events.TeacherRegistered;
import io.milestones.events.Topics;
import io.milestones.milestone.MilestoneServiceApplication;
import io.milestones.testing.FixedPortKafka;
import io.milestones.testing.KafkaBrokerExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The statistics page in a real headless Chromium against milestone-service on a real broker:
 * registrations go to {@code registrations}, the page shows them without a reload, a milestone
 * falls into the timeline, Italian visitors read Italian numbers, and the page reconnects by itself
 * when the service restarts. Skipped where no chromedriver is installed ({@code .ci/run} installs
 * Debian's chromium and chromium-driver).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatsPageBrowserIT {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @RegisterExtension static KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    @TempDir static Path stateDir;
    @TempDir static Path browserProfile;

    final int port = FixedPortKafka.freePort();
    final String base = "http://localhost:" + port;
    final AtomicInteger sent = new AtomicInteger();

    /**
     * The registrations' times: within the hour before the tests, and all on today's date (UTC).
     * The chart's last point is today, and the tests expect the milestone on it; a start an hour
     * back straddled midnight whenever the tests ran in the first hour of a day (seen: "Dec 7,
     * 2026: 1,230" without the milestone of Dec 6). Within minutes of midnight the class first
     * waits for the new day, so that no midnight falls while it runs.
     */
    final Instant today = awaitNotCloseToMidnight();

    final Instant start = later(today.minusSeconds(3600), today.truncatedTo(ChronoUnit.DAYS));

    /** Between two registrations: 2 s, less when today is younger than an hour. */
    final long stepMillis = Math.min(2000, Duration.between(start, today).toMillis() / 1500);

    private static Instant awaitNotCloseToMidnight() {
        await().atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().isBefore(LATEST));
        return Instant.now();
    }

    /** Past this time of day (UTC) the class would risk running across midnight. */
    private static final LocalTime LATEST = LocalTime.of(23, 55);

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    ConfigurableApplicationContext app;
    WebDriver browser;

    @BeforeAll
    void startServiceAndBrowser() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no chromedriver at " + CHROMEDRIVER);
        app = startService();
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toFile());
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
                "--hide-scrollbars",
                "--user-data-dir=" + browserProfile,
                "--window-size=1200,1700");
        var service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void shouldShowTheCountClimbAndAMilestoneFallWithoutReload() throws Exception {
        // 1,200 teachers: global 1,000 and each country's 100 are reached before the page opens
        register(700, "IT");
        register(300, "FR");
        register(200, "PL");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/public/stats"))
                                        .contains(
                                                "\"count\":1200",
                                                "global:1000",
                                                "country:IT:100",
                                                "country:PL:100"));

        // the registrations carry names and addresses; the crossings name teachers: none shown
        assertThat(get("/api/public/stats"))
                .doesNotContain("crossedBy", "teacherId", "Name ", "example.org", "\"t-");

        browser.get(base + "/?lang=en");
        awaitState("live");
        Object loadedAt = script("return window.statsPage.loadedAt");
        assertThat(text("[data-stat=count]")).isEqualTo("1,200");
        assertPageWeight();
        // the growth chart: drawn, one point per day, the global milestone marked on the curve
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(script("return window.statsChart?.ready")));
        assertThat((Long) script(PAINTED_PIXELS)).isGreaterThan(500);
        assertThat(script("return window.statsChart.markers")).isEqualTo(1L);
        // from zero the day before the first registration
        assertThat((Long) script("return window.statsChart.points")).isBetween(2L, 3L);
        assertThat(browser.getPageSource()).doesNotContain("Name ", "example.org");
        assertThat(text("[data-stat=togo]")).isEqualTo("25 to go");
        assertThat(timelineIds())
                .contains("global:1000", "country:IT:100")
                .doesNotContain("global:1225");
        assertThat(rowCodes()).containsExactly("IT", "FR", "PL");

        // sorting by name with the keyboard: Tab to the button, Enter
        WebElement byName = browser.findElement(By.cssSelector("button[data-sort=name]"));
        byName.sendKeys(Keys.ENTER);
        assertThat(rowCodes()).containsExactly("FR", "IT", "PL");
        assertThat(
                        browser.findElement(By.xpath("//button[@data-sort='name']/.."))
                                .getAttribute("aria-sort"))
                .isEqualTo("ascending");

        // 30 more: the count climbs past 1,225 while the page stays open, and a keyboard
        // user's focus on a country link stays where it was through the updates
        script("document.querySelector('#countries tr[data-code=IT] a').focus()");
        register(30, "IT");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(text("[data-stat=count]")).isEqualTo("1,230"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                browser.findElements(
                                                        By.cssSelector(
                                                                "#timeline li[data-milestone-id='global:1225']")))
                                        .hasSize(1));
        assertThat(script("return window.statsPage.loadedAt")).isEqualTo(loadedAt);
        // the chart grew with the stream, and marks the milestone that fell meanwhile
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Long.valueOf(1230).equals(script("return window.statsChart.last")));
        assertThat(script("return window.statsChart.markers")).isEqualTo(2L);
        // the country's count travels on its own key of milestone-counts: it may come a moment
        // later
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(text("#countries tr[data-code=IT] td")).isEqualTo("730"));
        assertThat(rowCodes()).containsExactly("FR", "IT", "PL"); // the chosen order survives
        assertThat(script("return document.activeElement.closest('tr')?.dataset.code"))
                .isEqualTo("IT");
        assertThat(text("[data-stat=next]")).isEqualTo("1,250");
        assertThat(text("[data-stat=togo]")).isEqualTo("20 to go");
        // from the last milestone (1,225) to the next (1,250)
        assertThat(
                        browser.findElement(By.cssSelector("[role=progressbar]"))
                                .getAttribute("aria-valuenow"))
                .isEqualTo("20");
        script("document.activeElement.blur()");
        assertChartByKeyboard();
        screenshot("stats-page.png");

        // a phone-sized screen: nothing wider than the viewport but the scrollable table
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat((Boolean) script("return document.documentElement.scrollWidth <= innerWidth"))
                .isTrue();
        Object widths =
                script(
                        "const t = document.querySelector('.table-wrap');"
                                + " return [t.scrollWidth, t.clientWidth,"
                                + " [...document.querySelectorAll('#countries th, #countries td')]"
                                + ".map(c => c.textContent.trim() + ':' + c.offsetWidth).join(' ')]");
        assertThat(
                        (Boolean)
                                script(
                                        "const t = document.querySelector('.table-wrap');"
                                                + " return t.scrollWidth <= t.clientWidth + 1"))
                .as("the countries table fits a phone's width: %s", widths)
                .isTrue();
        screenshot("stats-page-phone.png");
        browser.manage().window().setSize(new Dimension(1200, 1700));
    }

    @Test
    @Order(2)
    void shouldShowItalianNumbersAndCountryNamesOnTheItalianCountryPage() throws Exception {
        browser.get(base + "/countries/IT?lang=it");
        awaitState("live");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
        assertThat(text("h1")).isEqualTo("eTwinning in Italia");
        assertThat(text("[data-stat=count]")).isEqualTo("730");
        assertThat(text("[data-stat=next]")).isEqualTo("1.500");
        assertThat(text("[data-stat=togo]")).isEqualTo("ne mancano 770");
        assertThat(text("[data-stat=share]")).isEqualTo("su 1.230 docenti in tutti i paesi");
        assertThat(text("#timeline li")).contains("Italia: 100 docenti");
        // the country's own curve, its milestone marked, in Italian
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(script("return window.statsChart?.ready")));
        assertThat(script("return window.statsChart.markers")).isEqualTo(1L);
        assertThat((Long) script(PAINTED_PIXELS)).isGreaterThan(500);
        assertThat(text("#growth-heading")).isEqualTo("La crescita nel tempo");

        browser.get(base + "/?lang=it");
        awaitState("live");
        assertThat(text("[data-stat=count]")).isEqualTo("1.230");
        assertThat(text("#countries tbody")).contains("Francia", "Polonia");

        // the counter widget, as an iframe on the platform's Italian pages shows it
        browser.manage().window().setSize(new Dimension(360, 440));
        browser.get(base + "/embed/counter?country=IT&lang=it");
        awaitState("live");
        assertThat(text("[data-stat=count]")).isEqualTo("730");
        assertThat(text("[data-stat=togo]")).isEqualTo("ne mancano 770");
        screenshot("stats-embed.png");

        // the chart widget, for the same Italian pages
        browser.manage().window().setSize(new Dimension(640, 520));
        browser.get(base + "/embed/chart?country=IT&lang=it");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(script("return window.statsChart?.ready")));
        assertThat(script("return window.statsChart.markers")).isEqualTo(1L);
        assertThat((Long) script(PAINTED_PIXELS)).isGreaterThan(500);
        assertThat(text("#growth-toggle")).isEqualTo("Mostra come tabella");
        screenshot("stats-embed-chart.png");
        browser.manage().window().setSize(new Dimension(1200, 1700));
    }

    @Test
    @Order(3)
    void shouldReconnectByItselfWhenTheServiceRestarts() throws Exception {
        browser.get(base + "/?lang=en");
        awaitState("live");
        Object loadedAt = script("return window.statsPage.loadedAt");

        app.close();
        awaitState("reconnecting");
        app = startService();
        awaitState("live");

        register(5, "PL");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(text("[data-stat=count]")).isEqualTo("1,235"));
        // the history survived the restart: the days before it and the 5 after, nothing lost
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/public/stats/history.csv?scope=global"))
                                        .endsWith(",1235\r\n"));
        // the country's history travels on its own key: it may come a moment later
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(get("/api/public/stats/history.csv?scope=country:PL"))
                                        .endsWith(",205\r\n"));
        assertThat(script("return window.statsPage.loadedAt")).isEqualTo(loadedAt);
        assertThat((Long) script("return window.statsPage.reconnects")).isPositive();
    }

    @Test
    @Order(4)
    void shouldShadeTheMapLiveAndLetTheKeyboardVisitEveryCountry() throws Exception {
        browser.manage().window().setSize(new Dimension(1200, 1700));
        browser.get(base + "/?lang=en");
        awaitState("live");
        // eTwinning's 43 countries, Tunisia and Jordan beyond Europe among them
        assertThat(script("return window.statsMap.shapes")).isEqualTo(43L);
        assertThat(dataOf("#map a.country", "code")).hasSize(43).contains("TN", "JO", "LB");
        assertThat(classOf("IT")).isEqualTo("country level-3"); // 730: 100–999
        assertThat(classOf("TN")).isEqualTo("country level-0");

        // twelve Tunisian teachers: the shade follows without a reload
        Object loadedAt = script("return window.statsPage.loadedAt");
        register(12, "TN");
        // the twelve may arrive in more than one update (partial sums every 30 ms): wait for the
        // settled count, not for the first shade change (level 2 starts at 10)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                script(
                                                        "return document.querySelector('#map"
                                                                + " a[data-code=TN]"
                                                                + " title').textContent"))
                                        .isEqualTo("Tunisia: 12 teachers"));
        assertThat(classOf("TN")).isEqualTo("country level-2");
        assertThat(script("return window.statsPage.loadedAt")).isEqualTo(loadedAt);

        // Tab from the map's hint reaches the first country (by name), Enter opens its page
        script(
                "const hint = document.getElementById('map-hint');"
                        + " hint.tabIndex = -1; hint.focus()");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(script("return document.activeElement.dataset.code")).isEqualTo("AL");
        assertThat(
                        script(
                                "return [...document.querySelectorAll('#map a.country')]"
                                        + ".every(a => a.tabIndex === 0)"))
                .isEqualTo(true);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.ENTER).perform();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().endsWith("/countries/AL"));

        // the widget, marking one country, in the README's screenshot
        browser.manage().window().setSize(new Dimension(900, 1000));
        browser.get(base + "/embed/map?country=TN&lang=en");
        awaitState("live");
        assertThat(
                        script(
                                "return document.querySelector('#map a[aria-current=true]').dataset.code"))
                .isEqualTo("TN");
        screenshot("stats-map.png");
        browser.manage().window().setSize(new Dimension(1200, 1700));
    }

    /**
     * Pages left for others must not keep their live stream open: the back/forward cache kept them,
     * and with six connections per host the seventh page waited about a minute.
     */
    @Test
    @Order(5)
    void shouldOpenPageAfterPageWithoutWaitingForAConnection() {
        for (String page :
                java.util.List.of(
                        "/?lang=en",
                        "/countries/IT",
                        "/countries/FR",
                        "/countries/PL",
                        "/countries/TN",
                        "/embed/map",
                        "/embed/counter",
                        "/?lang=it",
                        "/countries/DE")) {
            long started = System.nanoTime();
            browser.get(base + page);
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    browser.findElement(By.id("live-status"))
                                                            .getAttribute("data-state"))
                                            .as("%s live", page)
                                            .isEqualTo("live"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("page %s live after %d ms%n", page, millis);
            // the load itself waited for a free connection: browser.get returned only then
            assertThat(millis).as("%s loaded and live (ms)", page).isLessThan(15_000);
        }
    }

    private String classOf(String code) {
        return (String)
                script(
                        "return document.querySelector('#map a[data-code=' + arguments[0] + ']')"
                                + ".getAttribute('class')",
                        code);
    }

    /** Canvas pixels the chart painted (not transparent), counted in the page. */
    static final String PAINTED_PIXELS =
            "const c = document.querySelector('#growth-chart canvas');"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;"
                    + " return n";

    /** Everything the first visit transferred (compressed), read from the browser's timing. */
    private void assertPageWeight() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(script("return window.statsChart?.ready")));
        @SuppressWarnings("unchecked")
        var timing =
                (Map<String, Object>)
                        script(
                                "const nav = performance.getEntriesByType('navigation')[0];"
                                        + " const res = performance.getEntriesByType('resource');"
                                        + " const paint = performance.getEntriesByName("
                                        + "'first-contentful-paint')[0];"
                                        + " return {bytes: nav.transferSize"
                                        + " + res.reduce((s, r) => s + r.transferSize, 0),"
                                        + " decoded: nav.decodedBodySize"
                                        + " + res.reduce((s, r) => s + r.decodedBodySize, 0),"
                                        + " requests: res.length + 1,"
                                        + " firstPaint: Math.round(paint ? paint.startTime : -1)}");
        System.out.println("B10 page weight: " + timing);
        assertThat(((Number) timing.get("bytes")).longValue())
                .as("bytes transferred by the statistics page: %s", timing)
                .isLessThan(PAGE_BUDGET_BYTES);
    }

    /** What the page may weigh on a first visit (compressed): see benchmark B10. */
    static final long PAGE_BUDGET_BYTES = 60_000;

    /** Focus the chart, move through the days with the arrow keys, open the table. */
    private void assertChartByKeyboard() {
        WebElement chart = browser.findElement(By.id("growth-chart"));
        chart.sendKeys(Keys.END);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(text("#growth-readout"))
                                        .contains(": 1,230 · Milestone: ")
                                        .endsWith("1,225"));
        WebElement toggle = browser.findElement(By.id("growth-toggle"));
        toggle.sendKeys(Keys.ENTER);
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        @SuppressWarnings("unchecked")
        var lastRow =
                (java.util.List<String>)
                        script(
                                "const rows = document.querySelectorAll('#growth-table tbody tr');"
                                        + " return [...rows[rows.length - 1].cells]"
                                        + ".map(c => c.textContent)");
        assertThat(lastRow.subList(1, 3)).containsExactly("1,230", "1,225");
        toggle.sendKeys(Keys.ENTER);
    }

    private ConfigurableApplicationContext startService() {
        return MilestoneServiceApplication.builder()
                .run(
                        "--server.port=" + port,
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        // a restarted instance takes its tasks back at once
                        "--spring.kafka.streams.properties.group.instance.id=stats-browser-it",
                        "--milestones.rules.global.thresholds=1000,1225,1250,5000",
                        "--milestones.rules.country.thresholds=100,1500",
                        "--milestones.approaching.fractions=",
                        "--milestones.counting.publish-interval=200ms",
                        "--milestones.stats.refresh-interval=200ms",
                        "--milestones.stats.sse-retry=500ms");
    }

    private void register(int teachers, String country) throws Exception {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (int i = 0; i < teachers; i++) {
                int n = sent.incrementAndGet();
                String teacherId = "t-" + n;
                Instant at = start.plusMillis(stepMillis * n);
                var event =
                        new TeacherRegistered(teacherId, country, "en", at, Consents.none(), false);
                var record =
                        new ProducerRecord<>(
                                Topics.REGISTRATIONS, teacherId, EventJson.write(event));
                CloudEvent.create("/test", EventType.TEACHER_REGISTERED, at)
                        .writeTo(record.headers());
                producer.send(record);
            }
            producer.flush();
        }
    }

    private void awaitState(String state) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(
                                                browser.findElement(By.id("live-status"))
                                                        .getAttribute("data-state"))
                                        .isEqualTo(state));
    }

    private java.util.List<String> rowCodes() {
        return dataOf("#countries tbody tr", "code");
    }

    private java.util.List<String> timelineIds() {
        return dataOf("#timeline li", "milestoneId");
    }

    /**
     * One {@code data-} attribute of every element matching {@code css}, read in one script: a live
     * update between two WebDriver calls cannot leave a stale element behind.
     */
    @SuppressWarnings("unchecked")
    private java.util.List<String> dataOf(String css, String key) {
        return (java.util.List<String>)
                script(
                        "return [...document.querySelectorAll(arguments[0])]"
                                + ".map(e => e.dataset[arguments[1]])",
                        css,
                        key);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
