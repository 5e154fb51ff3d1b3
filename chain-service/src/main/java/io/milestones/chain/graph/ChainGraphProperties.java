package io.milestones.chain.graph;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The chain graph and its API ({@code milestones.chain.graph.*} in {@code chain-service.yml}).
 *
 * @param feedCapacity newest live posts kept per campaign for the feed (the API shows up to 100)
 * @param refresh the metrics are recomputed at most this often (a sort of all participants)
 * @param allowedOrigins origins allowed to read {@code /api/chain/**} from a browser (CORS), e.g.
 *     the statistics page's
 * @param cacheMaxAge {@code Cache-Control: max-age} of {@code /api/chain/**}
 * @param adminApiKey {@code X-API-Key} of {@code /api/admin/chain/**}; empty: it answers 403
 */
@Validated
@ConfigurationProperties("milestones.chain.graph")
public record ChainGraphProperties(
        @DefaultValue("200") @Min(100) @Max(10_000) int feedCapacity,
        @DefaultValue("1s") @NotNull Duration refresh,
        @DefaultValue("*") @NotEmpty List<String> allowedOrigins,
        @DefaultValue("1s") @NotNull Duration cacheMaxAge,
        @DefaultValue("") String adminApiKey) {

    @Override
    public String toString() {
        return "ChainGraphProperties[feedCapacity="
                + feedCapacity
                + ", refresh="
                + refresh
                + ", allowedOrigins="
                + allowedOrigins
                + ", adminApiKey=***]";
    }
}
