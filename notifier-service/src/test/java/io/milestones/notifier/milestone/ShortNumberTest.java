package io.milestones.notifier.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortNumberTest {

    @ParameterizedTest
    @CsvSource({
        "1000000, 1M",
        "50000, 50K",
        "2500, 2.5K",
        "1500000, 1.5M",
        "999, 999",
        "5, 5",
        "2000000000, 2B"
    })
    void shouldShortenRoundNumbers(long value, String expected) {
        assertThat(ShortNumber.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1000000, #1MeTwinners", "50000, #50KeTwinners", "10, #10eTwinners"})
    void shouldDeriveTheCampaignHashtag(long threshold, String hashtag) {
        var campaign =
                new CampaignProperties(
                        "eTwinning", "eTwinners", "#{short}{tag}", "Q?", java.util.Map.of());

        assertThat(campaign.hashtag(threshold)).isEqualTo(hashtag);
    }
}
