package io.milestones.notifier.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * DKIM signing of outgoing e-mails (decision 0308), for installations that send straight to the
 * recipients' servers; a relay or ESP usually signs for us.
 *
 * @param enabled off: e-mails leave unsigned, as before
 * @param domain the signing domain ({@code d=}); DMARC wants it to be (a parent of) the From domain
 * @param selector the selector ({@code s=}): the public key is the TXT record {@code
 *     <selector>._domainkey.<domain>}
 * @param privateKey the RSA private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), from the
 *     environment or a secret file
 */
@Validated
@ConfigurationProperties("milestones.mail.dkim")
record DkimProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String domain,
        @DefaultValue("") String selector,
        @DefaultValue("") String privateKey) {

    DkimProperties {
        if (enabled && (domain.isBlank() || selector.isBlank() || privateKey.isBlank())) {
            throw new IllegalArgumentException(
                    "milestones.mail.dkim: domain, selector and private-key are required when"
                            + " enabled");
        }
    }
}
