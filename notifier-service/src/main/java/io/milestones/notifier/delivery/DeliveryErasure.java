package io.milestones.notifier.delivery;

import io.milestones.notifier.subscription.SubscriberErased;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased teacher's address leaves the deliveries table; the counts stay right. */
@Component
class DeliveryErasure {

    private final Deliveries deliveries;

    DeliveryErasure(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventListener
    void on(SubscriberErased erased) throws NoSuchAlgorithmException {
        if (erased.email() != null) {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(erased.email().getBytes(StandardCharsets.UTF_8));
            deliveries.pseudonymise(erased.email(), "erased:" + HexFormat.of().formatHex(digest));
        }
    }
}
