package io.milestones.ops.web;

import io.milestones.ops.topics.TopicsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The ops page: every topic with offsets and consumer lag, dead-letter topics first. */
@Controller
class OpsPageController {

    private final TopicsService topics;

    OpsPageController(TopicsService topics) {
        this.topics = topics;
    }

    @GetMapping({"/", "/ops"})
    String topics(Model model) {
        model.addAttribute("topics", topics.topics(false).topics());
        return "ops/topics";
    }
}
