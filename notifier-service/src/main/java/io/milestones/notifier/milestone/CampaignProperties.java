package io.milestones.notifier.milestone;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The community being celebrated and its campaign.
 *
 * @param community the community's name, e.g. {@code eTwinning}
 * @param memberTag what members call themselves, used in hashtags, e.g. {@code eTwinners}
 * @param hashtagPattern the campaign hashtag; {@code {short}} is the threshold in short form
 *     (1,000,000 → 1M, 50,000 → 50K), {@code {tag}} the member tag
 * @param question the social-chain question every member is invited to answer
 */
@Validated
@ConfigurationProperties("milestones.campaign")
public record CampaignProperties(
        @DefaultValue("eTwinning") @NotBlank String community,
        @DefaultValue("eTwinners") @NotBlank String memberTag,
        @DefaultValue("#{short}{tag}") @NotBlank String hashtagPattern,
        @DefaultValue(
                        "What is the best result you and your students have achieved thanks to"
                                + " eTwinning?")
                @NotBlank
                String question) {

    /** The campaign hashtag of {@code threshold}, e.g. {@code #1MeTwinners}. */
    public String hashtag(long threshold) {
        return hashtagPattern
                .replace("{short}", ShortNumber.format(threshold))
                .replace("{tag}", memberTag);
    }
}
