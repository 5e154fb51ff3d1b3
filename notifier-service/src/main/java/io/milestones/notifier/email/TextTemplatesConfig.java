package io.milestones.notifier.email;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Resolves {@code *.txt} templates in Thymeleaf's TEXT mode (plain-text e-mail bodies); Boot's
 * auto-configured resolver keeps serving the HTML ones.
 */
@Configuration(proxyBeanMethods = false)
class TextTemplatesConfig {

    @Bean
    SpringResourceTemplateResolver textTemplateResolver() {
        var resolver = new SpringResourceTemplateResolver();
        resolver.setPrefix("classpath:/templates/");
        resolver.setSuffix("");
        resolver.setResolvablePatterns(Set.of("*.txt"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setOrder(0);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
