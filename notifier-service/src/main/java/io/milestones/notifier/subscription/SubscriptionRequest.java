package io.milestones.notifier.subscription;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request for milestone mail.
 *
 * @param email where to send it
 * @param language the language to read it in (en, it, fr, de, es, pl; others read English)
 * @param global whether to hear about the community's global milestones
 * @param countries ISO 3166-1 alpha-2 codes of countries whose milestones to hear about
 */
record SubscriptionRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull
                @Pattern(
                        regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                        message = "must be a BCP 47 language tag, e.g. it or pt-PT")
                String language,
        boolean global,
        @Size(max = 60) List<@NotNull @CountryCode String> countries) {

    @AssertTrue(message = "must name at least one scope: global, or one or more countries")
    boolean isScopes() {
        return global || (countries != null && !countries.isEmpty());
    }
}
