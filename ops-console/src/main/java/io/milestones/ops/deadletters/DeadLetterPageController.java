package io.milestones.ops.deadletters;

import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dead-letter browser page, with a replay form per record. */
@Controller
class DeadLetterPageController {

    private final DeadLetterReader reader;
    private final ReplayService replay;

    DeadLetterPageController(DeadLetterReader reader, ReplayService replay) {
        this.reader = reader;
        this.replay = replay;
    }

    @GetMapping("/ops/dead-letters/{topic}")
    String page(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]+-dlt") String topic,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("page", reader.page(topic, Math.max(0, page), 20));
        return "ops/dead-letters";
    }

    @PostMapping("/ops/dead-letters/{topic}/replay")
    String replay(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]+-dlt") String topic,
            @RequestParam int partition,
            @RequestParam long offset,
            @RequestParam(required = false) String value,
            @RequestParam String reason,
            Principal principal,
            RedirectAttributes redirect) {
        var request =
                new ReplayRequest(
                        List.of(
                                new ReplayRequest.Selected(
                                        partition,
                                        offset,
                                        value == null || value.isBlank() ? null : value)),
                        reason.isBlank() ? "replayed from the ops page" : reason,
                        false);
        var result = replay.replay(topic, request, principal.getName()).get(0);
        redirect.addFlashAttribute(
                "message", "Record " + partition + "/" + offset + ": " + result.outcome());
        return "redirect:/ops/dead-letters/" + topic;
    }
}
