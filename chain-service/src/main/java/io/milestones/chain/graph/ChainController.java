package io.milestones.chain.graph;

import io.milestones.chain.ChainProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The chain of a campaign, public: the statistics page reads it from the browser. */
@RestController
class ChainController {

    private final ChainGraphs graphs;
    private final ChainProperties chain;
    private final ChainGraphProperties properties;

    ChainController(ChainGraphs graphs, ChainProperties chain, ChainGraphProperties properties) {
        this.graphs = graphs;
        this.chain = chain;
        this.properties = properties;
    }

    @Operation(
            summary = "The campaign's chain as a graph",
            description =
                    "Participants, conversions (answered after being tagged), the longest chain,"
                            + " separate chains, participants per network and language, and the"
                            + " newest public answers (deleted and hidden ones absent).")
    @GetMapping("/api/chain/{campaign}")
    ResponseEntity<ChainSummary> chain(
            @PathVariable @Pattern(regexp = "[\\p{L}\\p{N}_]{1,100}") String campaign,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        ChainSummary summary =
                graphs.summary(campaign, limit)
                        .orElseGet(
                                () -> {
                                    if (!campaign.equalsIgnoreCase(chain.campaign())) {
                                        throw new ResponseStatusException(
                                                HttpStatus.NOT_FOUND,
                                                "no chain followed for campaign " + campaign);
                                    }
                                    return new ChainSummary(
                                            chain.campaign(),
                                            0,
                                            0,
                                            0,
                                            0,
                                            Map.of(),
                                            Map.of(),
                                            List.of());
                                });
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(properties.cacheMaxAge()).cachePublic())
                .body(summary);
    }
}
