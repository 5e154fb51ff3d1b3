package io.milestones.notifier.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CelebrationCardTest {

    private final CelebrationCard card =
            new CelebrationCard(
                    SocialFixtures.CAMPAIGN,
                    new PostLanguages(SocialFixtures.properties(null), SocialFixtures.messages()),
                    SocialFixtures.messages());

    @Test
    void shouldDrawA1200By675PngWithTheNumberOnAColouredCard() throws Exception {
        SocialImage image = card.render(SocialFixtures.global(1_000_000));

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(675);
        assertThat(image.width()).isEqualTo(1200);
        assertThat(image.height()).isEqualTo(675);
        assertThat(distinctColours(png)).isGreaterThan(50);
        assertThat(whitePixelsInTheNumbersBand(png)).isGreaterThan(5_000);
    }

    @Test
    void shouldDescribeTheCardInTheAltText() {
        assertThat(card.render(SocialFixtures.global(1_000_000)).altText())
                .isEqualTo(
                        "Celebration card: eTwinning counts 1,000,000 teachers, reached on December 3,"
                                + " 2021. #1MeTwinners");
        assertThat(card.render(SocialFixtures.country("IT", 50_000)).altText())
                .isEqualTo(
                        "Biglietto di festa: eTwinning conta 50.000 insegnanti in Italia,"
                                + " traguardo raggiunto il 20 novembre 2021. #50KeTwinners");
    }

    @Test
    void shouldDrawTheSameCardForTheSameMilestone() {
        var milestone = SocialFixtures.country("FR", 10_000);

        assertThat(card.render(milestone).png()).isEqualTo(card.render(milestone).png());
    }

    private static int distinctColours(BufferedImage png) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 3) {
            for (int x = 0; x < png.getWidth(); x += 3) {
                colours.add(png.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** The number is drawn in white between y≈230 and y≈370. */
    private static int whitePixelsInTheNumbersBand(BufferedImage png) {
        int white = 0;
        for (int y = 230; y < 375; y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if ((png.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) {
                    white++;
                }
            }
        }
        return white;
    }
}
