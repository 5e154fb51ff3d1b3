package io.milestones.milestone.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link MilestoneRules} from settings; a bad rule stops start-up, naming it. */
@Configuration(proxyBeanMethods = false)
class RulesConfig {

    private static final Logger log = LoggerFactory.getLogger(RulesConfig.class);

    @Bean
    MilestoneRules milestoneRules(RulesProperties rules, ApproachingProperties approaching) {
        MilestoneRules built = rules.toRules(approaching.fractions());
        log.info("Milestone rules: {}", built);
        return built;
    }
}
