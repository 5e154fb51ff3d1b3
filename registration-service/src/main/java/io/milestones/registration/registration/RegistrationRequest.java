package io.milestones.registration.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
                consents != null && consents.milestoneEmails());
    }

    /**
     * @param milestoneEmails the teacher wants milestone e-mails
     */
    public record ConsentsRequest(boolean milestoneEmails) {}
}
