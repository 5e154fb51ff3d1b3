package io.milestones.milestone.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulesConfig {

    private static final Logger log = LoggerFactory.getLogger(RulesConfig.class);

    @Bean
    MilestoneRules milestoneRules(RulesProperties properties) {
        MilestoneRules rules = properties.toRules();
        if (rules.dimensions().isEmpty()) {
            throw new IllegalStateException(
                    "no milestone rules configured: set milestones.rules.global.thresholds"
                            + " (and/or milestones.rules.country.thresholds)");
        }
        log.info("Milestone rules: {}", rules);
        return rules;
    }
}
