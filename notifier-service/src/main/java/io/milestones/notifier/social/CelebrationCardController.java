package io.milestones.notifier.social;

import io.milestones.events.MilestoneReached;
import io.milestones.events.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves celebration cards, e.g. {@code GET /api/social/cards/global:1000000.png}: for a milestone
 * this process celebrated, or for any milestone id with {@code ?date=2021-12-03}; {@code ?lang=}
 * picks another language.
 */
@RestController
class CelebrationCardController {

    private final CelebrationCard card;
    private final CelebratedMilestones celebrated;

    CelebrationCardController(CelebrationCard card, CelebratedMilestones celebrated) {
        this.card = card;
        this.celebrated = celebrated;
    }

    @GetMapping(value = "/api/social/cards/{milestoneId}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> card(
            @PathVariable String milestoneId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @RequestParam(required = false) Locale lang) {
        var known = celebrated.find(milestoneId);
        Instant reachedAt =
                date != null
                        ? date.atStartOfDay(ZoneOffset.UTC).toInstant()
                        : known.map(MilestoneReached::reachedAt)
                                .orElseThrow(
                                        () ->
                                                new ResponseStatusException(
                                                        HttpStatus.NOT_FOUND,
                                                        "milestone "
                                                                + milestoneId
                                                                + " was not celebrated here; add"
                                                                + " ?date=YYYY-MM-DD"));
        int colon = milestoneId.lastIndexOf(':');
        Scope scope;
        long threshold;
        try {
            scope = Scope.fromId(milestoneId.substring(0, Math.max(colon, 0)));
            threshold = Long.parseLong(milestoneId.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "milestoneId must look like global:1000000 or country:IT:50000");
        }
        SocialImage image = card.render(scope, threshold, reachedAt, lang);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.IMAGE_PNG)
                .body(image.png());
    }
}
