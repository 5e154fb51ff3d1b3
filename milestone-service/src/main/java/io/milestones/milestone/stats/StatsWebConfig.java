package io.milestones.milestone.stats;

import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Web settings of the public statistics pages: CORS for the read-only public API, the language
 * switch ({@code ?lang=it}) on the pages, and content-hashed static files cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class StatsWebConfig implements WebMvcConfigurer {

    /** The pages' paths; the language switch applies to them only. */
    static final String[] PAGES = {"/", "/countries/**", "/embed/**"};

    private final StatsProperties properties;

    StatsWebConfig(StatsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/public/**")
                .allowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "HEAD")
                .exposedHeaders("ETag", "Cache-Control")
                .allowCredentials(false)
                .maxAge(Duration.ofHours(1).toSeconds());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).addPathPatterns(PAGES);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // URLs carry a hash of the content (stats-<md5>.js), so a new version is never stale.
        registry.addResourceHandler("/stats/**")
                .addResourceLocations("classpath:/static/stats/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        // The chart library from its WebJar: the version is in the path, a year of caching is safe.
        registry.addResourceHandler("/webjars/uplot/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/uplot/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic());
    }

    /** Accept-Language, or the language chosen with {@code ?lang=}. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new StatsLocales();
    }

    /** Rewrites {@code @{/stats/stats.js}} in templates to the content-hashed URL. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> statsResourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.addUrlPatterns("/", "/countries/*", "/embed/*");
        return registration;
    }
}
