package io.milestones.notifier.subscription;

/** Sends the mails of the subscription process (the e-mail package implements it). */
public interface SubscriptionMailer {

    /** The double opt-in mail: a link to confirm {@code subscription}. */
    void sendConfirmation(Subscription subscription);

    /**
     * Someone asked to subscribe an address that already is: tell its owner, with a link to their
     * preferences, instead of telling the requester.
     */
    void sendAlreadySubscribed(Subscription subscription);
}
