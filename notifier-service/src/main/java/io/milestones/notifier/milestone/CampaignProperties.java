package io.milestones.notifier.milestone;

import io.milestones.events.Scope;
import io.milestones.events.ScopeType;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import java.util.Map;
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
 * @param question the social-chain question every member is invited to answer, in English (and in
 *     every language without its own wording)
 * @param questions the question per language ({@code it}, {@code fr}, ...), as the campaign words
 *     it in e-mails and posts
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
                String question,
        Map<String, String> questions) {

    public CampaignProperties {
        questions = questions == null ? Map.of() : Map.copyOf(questions);
    }

    /** The question in {@code locale}'s language, or in English when it has none. */
    public String question(Locale locale) {
        String own = questions.get(locale.getLanguage());
        return own == null || own.isBlank() ? question : own;
    }

    /**
     * The hashtag of a milestone of {@code scope}: a campaign's chain is celebrated with the
     * campaign's own tag ({@code campaign:1MeTwinners} → {@code #1MeTwinners} at any threshold);
     * every other scope with the threshold's tag ({@link #hashtag(long)}).
     */
    public String hashtag(Scope scope, long threshold) {
        return scope.type() == ScopeType.CAMPAIGN ? "#" + scope.key() : hashtag(threshold);
    }

    /** The campaign hashtag of {@code threshold}, e.g. {@code #1MeTwinners}. */
    public String hashtag(long threshold) {
        return hashtagPattern
                .replace("{short}", ShortNumber.format(threshold))
                .replace("{tag}", memberTag);
    }
}
