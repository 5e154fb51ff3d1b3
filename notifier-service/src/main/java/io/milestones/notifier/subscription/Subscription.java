package io.milestones.notifier.subscription;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One subscriber.
 *
 * @param id stable id, named by signed links
 * @param email the address, lower case
 * @param language BCP 47 tag of the language the subscriber reads
 * @param status pending or confirmed
 * @param teacherId the registered teacher this subscription came from, or {@code null}
 * @param scopes what they want to hear about: {@code global}, {@code country:IT}, ...
 */
public record Subscription(
        UUID id,
        String email,
        String language,
        SubscriptionStatus status,
        String teacherId,
        Set<String> scopes) {

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public boolean confirmed() {
        return status == SubscriptionStatus.CONFIRMED;
    }
}
