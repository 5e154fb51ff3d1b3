package io.milestones.ops.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The replay audit log, newest first. */
@RestController
class AuditController {

    private final ReplayAudit audit;

    AuditController(ReplayAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/ops/audit")
    List<ReplayAudit.Entry> audit(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return audit.page(page, size);
    }
}
