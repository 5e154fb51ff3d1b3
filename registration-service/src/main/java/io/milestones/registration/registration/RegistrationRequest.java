package io.milestones.registration.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What the platform sends for a new teacher.
 *
 * @param teacherId the platform's stable id for the teacher
 * @param email the teacher's address
 * @param displayName the name to greet them with
 * @param country ISO 3166-1 alpha-2 code, upper case, of a participating country
 * @param language BCP 47 tag, e.g. {@code it} or {@code pt-PT}
 * @param consents what the teacher agreed to; absent means nothing
 */
public record RegistrationRequest(
        @NotBlank
                @Size(max = 64)
                @Pattern(
                        regexp = "[A-Za-z0-9._:-]*",
                        message = "may contain only letters, digits and . _ : -")
                String teacherId,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank
                @Size(max = 200)
                @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String displayName,
        @NotNull @IsoCountry @ParticipatingCountry String country,
        @NotNull @LanguageTag String language,
        @Valid ConsentsRequest consents) {

    public RegistrationService.NewTeacher toNewTeacher() {
        return new RegistrationService.NewTeacher(
                teacherId,
                email,
                displayName,
                country,
                language,
                consents != null && consents.milestoneEmails(),
                consents != null && consents.publicName());
    }

    /**
     * Both default to false. A value that is not a JSON boolean ({@code "yes"}, {@code 1}, {@code
     * "true"}) is a 400 naming the field: consent is never guessed.
     *
     * @param milestoneEmails the teacher wants milestone e-mails (with a personal note to them when
     *     they cross a milestone)
     * @param publicName the teacher may be named to others (e-mails to subscribers, posts, the
     *     card, public pages) when they cross a milestone
     */
    public record ConsentsRequest(
            @JsonDeserialize(using = StrictBoolean.class) boolean milestoneEmails,
            @JsonDeserialize(using = StrictBoolean.class) boolean publicName) {}
}
