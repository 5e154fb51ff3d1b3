package io.milestones.ops.suppressions;

import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notifier's suppression list (issue 17): addresses masked as the notifier shows them, reason,
 * source, time; a look-up by address (posted, so it lands in no URL or access log); lifting one
 * with a reason, recorded in the audit log with who lifted it.
 */
@Controller
@Validated
class SuppressionPageController {

    private static final int PAGE_SIZE = 50;

    private final NotifierSuppressions notifier;
    private final SuppressionAudit audit;
    private final Clock clock;

    SuppressionPageController(NotifierSuppressions notifier, SuppressionAudit audit, Clock clock) {
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/ops/suppressions")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("lifts", audit.latest(20));
        if (!notifier.configured()) {
            model.addAttribute("error", "milestones.ops.notifier.admin-api-key is not set");
            return "ops/suppressions";
        }
        try {
            model.addAttribute("list", notifier.page(Math.max(0, page), PAGE_SIZE));
        } catch (RestClientException e) {
            model.addAttribute(
                    "error", "the notifier's admin API did not answer: " + e.getMessage());
        }
        return "ops/suppressions";
    }

    @PostMapping("/ops/suppressions/lookup")
    String lookup(@RequestParam String email, RedirectAttributes redirect) {
        var found = notifier.lookup(email.strip());
        if (found.isPresent()) {
            redirect.addFlashAttribute("found", found.get());
        } else {
            redirect.addFlashAttribute("message", "That address is not suppressed.");
        }
        return "redirect:/ops/suppressions";
    }

    @PostMapping("/ops/suppressions/{addressHash}/lift")
    String lift(
            @PathVariable @Pattern(regexp = "[0-9a-f]{64}") String addressHash,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String suppressionReason,
            @RequestParam String reason,
            Principal principal,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("message", "Say why the suppression is lifted.");
            return "redirect:/ops/suppressions";
        }
        if (notifier.lift(addressHash)) {
            audit.record(
                    new SuppressionAudit.Entry(
                            clock.instant(),
                            principal.getName(),
                            addressHash,
                            address,
                            suppressionReason,
                            reason.strip()));
            redirect.addFlashAttribute(
                    "message", "Lifted: " + (address == null ? addressHash : address));
        } else {
            redirect.addFlashAttribute("message", "Not on the list (lifted already?).");
        }
        return "redirect:/ops/suppressions";
    }
}
