package io.milestones.notifier.social;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the celebration card with Java2D, headless, in the logical "SansSerif" font (present on
 * every JVM with fonts installed; DejaVu/Liberation on Debian).
 */
final class CardPainter {

    static final int WIDTH = 1200;
    static final int HEIGHT = 675;

    private static final Color TOP = new Color(0x0B, 0x3D, 0x91);
    private static final Color BOTTOM = new Color(0x1E, 0x88, 0xE5);
    private static final Color[] CONFETTI = {
        new Color(0xFF, 0xC1, 0x07),
        new Color(0xFF, 0x57, 0x22),
        new Color(0x8B, 0xC3, 0x4A),
        new Color(0xE9, 0x1E, 0x63),
        new Color(0xFF, 0xFF, 0xFF)
    };

    /** What the card says. */
    record Content(String community, String number, String caption, String date, String hashtag) {}

    private CardPainter() {}

    /** The card as PNG; {@code seed} places the confetti (the same milestone, the same card). */
    static byte[] png(Content content, long seed) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, TOP, 0, HEIGHT, BOTTOM));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            confetti(g, new Random(seed));
            g.setColor(new Color(255, 255, 255, 60));
            g.setStroke(new BasicStroke(4));
            g.draw(new RoundRectangle2D.Double(40, 40, WIDTH - 80, HEIGHT - 80, 48, 48));
            g.setColor(Color.WHITE);
            centered(g, content.community(), Font.BOLD, 60, 150);
            centered(g, content.number(), Font.BOLD, 190, 370);
            centered(g, content.caption(), Font.PLAIN, 56, 460);
            centered(g, content.date() + "  ·  " + content.hashtag(), Font.PLAIN, 40, 580);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void confetti(Graphics2D g, Random random) {
        AffineTransform plain = g.getTransform();
        for (int i = 0; i < 70; i++) {
            g.setColor(CONFETTI[random.nextInt(CONFETTI.length)]);
            g.rotate(random.nextDouble() * Math.PI, random.nextInt(WIDTH), random.nextInt(HEIGHT));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            g.fillRect(x, y, 8 + random.nextInt(10), 4 + random.nextInt(5));
            g.setTransform(plain);
        }
    }

    /** Draws {@code text} centred at baseline {@code y}, shrinking the font until it fits. */
    private static void centered(Graphics2D g, String text, int style, int size, int y) {
        Font font = new Font(Font.SANS_SERIF, style, size);
        FontMetrics metrics = g.getFontMetrics(font);
        while (metrics.stringWidth(text) > WIDTH - 160 && font.getSize() > 12) {
            font = font.deriveFont((float) font.getSize() - 2);
            metrics = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.drawString(text, (WIDTH - metrics.stringWidth(text)) / 2, y);
    }
}
