package io.milestones.milestone.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.milestones.events.ScopeType;
import io.milestones.milestone.rules.ExplicitThresholds;
import io.milestones.milestone.rules.MilestoneRules;
import io.milestones.milestone.stats.StatsSnapshot.Reached;
import io.milestones.milestone.stats.StatsSnapshot.ScopeStats;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The pages and the public JSON, served from a fixed snapshot (no counting engine needed). */
@WebMvcTest(
        controllers = {PublicStatsController.class, StatsPageController.class},
        properties = "spring.config.name=milestone-service")
@Import({
    StatsSnapshots.class,
    StatsViews.class,
    StatsStream.class,
    StatsMap.class,
    StatsWebTest.Fixture.class
})
class StatsWebTest {

    static final Instant NOW = Instant.parse("2021-12-03T10:00:00Z");

    @TestConfiguration
    @EnableConfigurationProperties(StatsProperties.class)
    static class Fixture {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        MilestoneRules rules() {
            return new MilestoneRules(
                    Map.of(
                            ScopeType.GLOBAL,
                                    new ExplicitThresholds(List.of(1_000_000L, 2_000_000L)),
                            ScopeType.COUNTRY,
                                    new ExplicitThresholds(
                                            List.of(100L, 1000L, 50_000L, 100_000L))));
        }
    }

    @Autowired MockMvc mvc;
    @Autowired StatsSnapshots snapshots;

    @BeforeEach
    void snapshot() {
        snapshots.update(
                new StatsSnapshot(
                        true,
                        new ScopeStats(
                                "global",
                                null,
                                1_234_567,
                                1_000_000L,
                                2_000_000L,
                                765_433L,
                                24_000.0,
                                Instant.parse("2022-01-04T10:07:00Z")),
                        List.of(
                                new ScopeStats(
                                        "country", "IT", 50_123, 50_000L, 100_000L, 49_877L, null,
                                        null),
                                new ScopeStats(
                                        "country",
                                        "FR",
                                        999,
                                        100L,
                                        1000L,
                                        1L,
                                        240.0,
                                        Instant.parse("2021-12-03T10:06:00Z"))),
                        List.of(
                                new Reached(
                                        "global:1000000",
                                        "global",
                                        null,
                                        1_000_000,
                                        Instant.parse("2021-12-03T09:00:00Z")),
                                new Reached(
                                        "country:IT:50000",
                                        "country",
                                        "IT",
                                        50_000,
                                        Instant.parse("2021-12-02T09:00:00Z")))));
    }

    @Test
    void shouldDrawEveryParticipatingCountryOnTheMapShadedByItsCount() throws Exception {
        String page =
                mvc.perform(get("/?lang=en"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        // eTwinning's 43 countries, those beyond Europe too; each a link to its page
        assertThat(countryLinks(page))
                .hasSize(43)
                .contains("TN", "JO", "LB", "AM", "AZ", "GE", "IS", "TR", "MT", "LI")
                .doesNotContain("GB", "CH", "RU");
        // shaded by powers of ten: 50,123 is 10,000 or more; 999 is 100–999; none yet is 0
        assertThat(page)
                .contains(
                        "data-code=\"IT\" data-count=\"50123\" class=\"country level-5\"",
                        "data-code=\"FR\" data-count=\"999\" class=\"country level-3\"",
                        "data-code=\"DE\" data-count=\"0\" class=\"country level-0\"",
                        "<title>Italy: 50,123 teachers</title>",
                        "Where the teachers are",
                        "100,000 or more",
                        "10,000–99,999",
                        "/stats/map")
                .containsPattern("<circle cx=\"\\d+\" cy=\"\\d+\" r=\"5\"/>");
        // in the order of the names in the visitor's language: the order of the keyboard
        assertThat(countryLinks(page))
                .startsWith("AL", "AM", "AT", "AZ", "BE")
                .containsSubsequence("HR", "CY");
        String italian =
                mvc.perform(get("/?lang=it")).andReturn().getResponse().getContentAsString();
        assertThat(countryLinks(italian)).containsSubsequence("CY", "HR"); // Cipro, Croazia
    }

    @Test
    void shouldServeTheMapWidgetForOtherSitesToFrame() throws Exception {
        String page =
                mvc.perform(get("/embed/map?country=it&lang=it"))
                        .andExpect(status().isOk())
                        .andExpect(
                                header().string(
                                                "Content-Security-Policy",
                                                containsString("frame-ancestors *")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
        assertThat(countryLinks(page)).hasSize(43);
        assertThat(page)
                .contains(
                        "Dove sono i docenti",
                        "data-stream=\"/api/public/stats/stream\"",
                        "<title>Italia: 50.123 docenti</title>")
                .containsPattern(
                        "target=\"_blank\"\\s+rel=\"noopener\"\\s+data-code=\"IT\"\\s+"
                                + "data-count=\"50123\"\\s+class=\"country level-5\"\\s+"
                                + "aria-current=\"true\"");
        assertThat(page).containsOnlyOnce("aria-current=\"true\"");
        mvc.perform(get("/embed/map?country=XX1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    private static List<String> countryLinks(String page) {
        return java.util.regex.Pattern.compile(
                        "<a href=\"/countries/(\\w\\w)\"[^>]*class=\"country ")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void shouldServeTheChartWidgetForOtherSitesToFrame() throws Exception {
        mvc.perform(get("/embed/chart?country=it&lang=it"))
                .andExpect(status().isOk())
                .andExpect(
                        header().string(
                                        "Content-Security-Policy",
                                        containsString("frame-ancestors *")))
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString(
                                                        "data-history=\"/api/public/stats/history?scope=country:IT\""),
                                                containsString("La crescita nel tempo"),
                                                containsString(
                                                        "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"))));
        mvc.perform(get("/embed/chart?country=XX1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    @Test
    void shouldServeThePublicJsonCacheableWithEtagAndCors() throws Exception {
        var first =
                mvc.perform(get("/api/public/stats").header("Origin", "https://www.etwinning.net"))
                        .andExpect(status().isOk())
                        .andExpect(header().string("Cache-Control", "max-age=2, public"))
                        .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                        .andExpect(jsonPath("$.community").value("eTwinning"))
                        .andExpect(jsonPath("$.global.count").value(1_234_567))
                        .andExpect(jsonPath("$.global.missing").value(765_433))
                        .andExpect(jsonPath("$.global.forecast").value("2022-01-04T10:07:00Z"))
                        .andExpect(jsonPath("$.countries[0].key").value("IT"))
                        .andExpect(jsonPath("$.recent[0].milestoneId").value("global:1000000"))
                        .andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");

        mvc.perform(get("/api/public/stats").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void shouldServeOneCountryAndZeroForACountryWithoutRegistrations() throws Exception {
        mvc.perform(get("/api/public/stats/countries/it"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country.count").value(50_123))
                .andExpect(jsonPath("$.globalCount").value(1_234_567))
                .andExpect(jsonPath("$.recent[0].milestoneId").value("country:IT:50000"))
                .andExpect(jsonPath("$.recent.length()").value(1));
        mvc.perform(get("/api/public/stats/countries/MT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country.count").value(0))
                .andExpect(jsonPath("$.country.nextThreshold").value(100));
        mvc.perform(get("/api/public/stats/countries/XX"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void shouldStreamTheNumbersWithARetryHint() throws Exception {
        var result =
                mvc.perform(get("/api/public/stats/stream"))
                        .andExpect(request().asyncStarted())
                        .andReturn();
        assertThat(result.getResponse().getContentAsString())
                .contains("event:stats", "retry:3000", "data:{\"community\":\"eTwinning\"")
                .containsPattern("\"count\":1234567\\b");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void shouldRenderThePageInTheVisitorsLanguageFromAcceptLanguage() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "it-IT,it;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("Accept-Language")))
                .andExpect(
                        header().string(
                                        "Content-Security-Policy",
                                        containsString("frame-ancestors 'self'")))
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("<html lang=\"it\">"),
                                                containsString("eTwinning in numeri"),
                                                containsString("1.234.567"),
                                                containsString("ne mancano 765.433"),
                                                containsString(">Italia</a>"),
                                                containsString("Francia"),
                                                containsString("Italia: 50.000 docenti"),
                                                containsString("role=\"progressbar\""),
                                                containsString("aria-valuenow=\"23\""))));
        mvc.perform(get("/").header("Accept-Language", "ja-JP"))
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("<html lang=\"en\">"),
                                                containsString("1,234,567"))));
    }

    @Test
    void shouldSwitchLanguageWithTheLangParameterAndRememberIt() throws Exception {
        mvc.perform(get("/countries/IT?lang=de").header("Accept-Language", "it"))
                .andExpect(status().isOk())
                .andExpect(cookie().value(StatsLocales.COOKIE, "de"))
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("<html lang=\"de\">"),
                                                containsString("eTwinning in Italien"),
                                                containsString("50.123"),
                                                containsString("noch 49.877"))));
        mvc.perform(
                        get("/countries/IT")
                                .cookie(new jakarta.servlet.http.Cookie(StatsLocales.COOKIE, "de")))
                .andExpect(content().string(containsString("<html lang=\"de\">")));
    }

    @Test
    void shouldNeverShowAnythingPersonal() throws Exception {
        for (String path :
                List.of(
                        "/",
                        "/countries/IT",
                        "/api/public/stats",
                        "/api/public/stats/countries/IT")) {
            mvc.perform(get(path))
                    .andExpect(
                            content()
                                    .string(
                                            allOf(
                                                    not(containsString("crossedBy")),
                                                    not(containsString("teacherId")),
                                                    not(containsString("displayName")),
                                                    not(containsString("@")))));
        }
    }

    @Test
    void shouldLetAnySiteFrameTheCounterWidgetOnly() throws Exception {
        mvc.perform(get("/embed/counter?country=FR&lang=fr"))
                .andExpect(status().isOk())
                .andExpect(
                        header().string(
                                        "Content-Security-Policy",
                                        containsString("frame-ancestors *")))
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString("999"),
                                                containsString("encore 1"),
                                                containsString(
                                                        "/api/public/stats/countries/FR/stream"))));
        mvc.perform(get("/countries/XX"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("/countries/IT")));
    }
}
