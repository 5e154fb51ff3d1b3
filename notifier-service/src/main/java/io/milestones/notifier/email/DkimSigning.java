package io.milestones.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.springframework.stereotype.Component;

/**
 * Adds a {@code DKIM-Signature} (RSA-SHA256, relaxed/relaxed) to outgoing e-mails when configured,
 * with simplejavamail's {@code utils-mail-dkim} (decision 0308). The signature is computed as the
 * message is written to the server, over exactly the bytes sent. Signed besides the library's
 * defaults (From, To, Subject, Date, Message-ID, List-Unsubscribe, MIME headers, …): {@code
 * List-Unsubscribe-Post}, which one-click unsubscribe (RFC 8058) requires to be signed.
 */
@Component
class DkimSigning {

    private final DkimProperties properties;
    private final RSAPrivateKey key;

    /** A signer keeps digest state while it signs: one per sender thread. */
    private final ThreadLocal<DkimSigner> signers;

    DkimSigning(DkimProperties properties) {
        this.properties = properties;
        this.key = properties.enabled() ? privateKey(properties.privateKey()) : null;
        this.signers = ThreadLocal.withInitial(this::signer);
        if (properties.enabled()) {
            signer(); // a bad domain fails at start-up, not at the first e-mail
        }
    }

    /**
     * @param message the saved message
     * @param envelopeFrom its envelope sender, or {@code null}
     * @return {@code message} itself when signing is off, else a copy signed as it is sent
     */
    MimeMessage sign(MimeMessage message, String envelopeFrom) throws MessagingException {
        if (!properties.enabled()) {
            return message;
        }
        DkimMessage signed = new DkimMessage(message, signers.get());
        if (envelopeFrom != null) {
            signed.setEnvelopeFrom(envelopeFrom);
        }
        return signed;
    }

    private DkimSigner signer() {
        DkimSigner signer = new DkimSigner(properties.domain(), properties.selector(), key);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.addHeaderToSign("List-Unsubscribe-Post");
        // the DNS record is the operator's to check (docs/operations.md), not every e-mail's
        signer.setCheckDomainKey(false);
        return signer;
    }

    static RSAPrivateKey privateKey(String pem) {
        String base64 =
                pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateKey)
                    KeyFactory.getInstance("RSA")
                            .generatePrivate(
                                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "milestones.mail.dkim.private-key is not an RSA key in PKCS#8 PEM", e);
        }
    }
}
