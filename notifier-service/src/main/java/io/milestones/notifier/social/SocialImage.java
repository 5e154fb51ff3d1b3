package io.milestones.notifier.social;

/**
 * A picture attached to a post (or an e-mail).
 *
 * @param png the PNG bytes
 * @param altText the description read by screen readers
 * @param width width in pixels
 * @param height height in pixels
 */
public record SocialImage(byte[] png, String altText, int width, int height) {

    /** The file name used when uploading. */
    public String fileName() {
        return "milestone.png";
    }
}
