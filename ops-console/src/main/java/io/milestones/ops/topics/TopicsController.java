package io.milestones.ops.topics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every topic with partitions, offsets, consumer groups and lag. */
@RestController
class TopicsController {

    private final TopicsService topics;

    TopicsController(TopicsService topics) {
        this.topics = topics;
    }

    @GetMapping("/api/ops/topics")
    TopicsView topics(@RequestParam(defaultValue = "false") boolean internal) {
        return topics.topics(internal);
    }
}
