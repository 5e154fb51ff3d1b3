package io.milestones.notifier.email;

import io.milestones.events.MilestoneReached;
import io.milestones.notifier.social.CelebrationCard;
import io.milestones.notifier.social.SocialImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The celebration card of a milestone as the e-mail's inline picture, in the reader's language,
 * scaled to {@code milestones.mail.card.width} (the message's 600 px less its margins; a smaller
 * file for hundreds of thousands of copies). Drawn once per milestone and language: the fan-out
 * sends the same picture to every reader of that language.
 */
@Component
class MailCard {

    private static final Logger log = LoggerFactory.getLogger(MailCard.class);
    private static final int CACHED = 64;

    private final CelebrationCard card;
    private final MailProperties.Card settings;
    private final String domain;
    private final Map<String, Mail.InlineImage> drawn = new ConcurrentHashMap<>();

    MailCard(CelebrationCard card, MailProperties properties) {
        this.card = card;
        this.settings = properties.card();
        this.domain = properties.messageIdDomain();
    }

    /** The picture, or {@code null} when switched off or it cannot be drawn (the mail goes out). */
    Mail.InlineImage of(MilestoneReached milestone, Locale locale) {
        if (!settings.enabled()) {
            return null;
        }
        String key = milestone.milestoneId() + "|" + locale.toLanguageTag();
        Mail.InlineImage image = drawn.get(key);
        if (image == null) {
            try {
                image = draw(milestone, locale);
            } catch (RuntimeException e) {
                log.warn("No card in the e-mails of {}: {}", milestone.milestoneId(), e.toString());
                return null;
            }
            if (drawn.size() >= CACHED) {
                drawn.clear();
            }
            drawn.put(key, image);
        }
        return image;
    }

    private Mail.InlineImage draw(MilestoneReached milestone, Locale locale) {
        SocialImage full =
                card.render(
                        milestone.scope(), milestone.threshold(), milestone.reachedAt(), locale);
        int width = Math.min(settings.width(), full.width());
        int height = Math.round((float) full.height() * width / full.width());
        byte[] png = width == full.width() ? full.png() : scale(full.png(), width, height);
        String contentId =
                "card."
                        + milestone.milestoneId().replace(':', '.')
                        + "."
                        + locale.toLanguageTag()
                        + "@"
                        + domain;
        return new Mail.InlineImage(contentId, png, full.altText(), width, height);
    }

    private static byte[] scale(byte[] png, int width, int height) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(png));
            var target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = target.createGraphics();
            try {
                g.setRenderingHint(
                        RenderingHints.KEY_INTERPOLATION,
                        RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(
                        RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(source, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(target, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
