package io.milestones.notifier.social;

import io.milestones.notifier.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What every network adapter shares: a {@link RestClient} with timeouts whose error answers become
 * {@link SocialApiException}s, and the retry loop: a 429 waits as long as the network says, a 5xx
 * or a timeout backs off exponentially, a permanent error fails at once; never longer in total than
 * {@code milestones.social.retry.max-wait}.
 */
class SocialHttp {

    private static final Logger log = LoggerFactory.getLogger(SocialHttp.class);

    private final RestClient.Builder builder;
    private final SocialProperties.Retry retry;
    private final SocialProperties.Http http;
    private final Sleeper sleeper;
    private final Clock clock;

    SocialHttp(
            RestClient.Builder builder, SocialProperties properties, Sleeper sleeper, Clock clock) {
        this.builder = builder;
        this.retry = properties.retry();
        this.http = properties.http();
        this.sleeper = sleeper;
        this.clock = clock;
    }

    RestClient client(String network, String baseUrl) {
        var settings =
                HttpClientSettings.defaults()
                        .withTimeouts(http.connectTimeout(), http.readTimeout());
        var requestFactory =
                ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(c -> c.version(HttpClient.Version.HTTP_1_1))
                        .build(settings);
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requestFactory)
                .defaultStatusHandler(
                        HttpStatusCode::isError,
                        (request, response) -> {
                            throw SocialApiException.from(network, response, clock.instant());
                        })
                .build();
    }

    /**
     * Runs {@code call} until it succeeds, fails permanently, or the retries are spent.
     *
     * @throws SocialPostRejectedException on a permanent error
     * @throws SocialNetworkUnavailableException when transient errors outlast the retries
     */
    <T> T withRetries(String network, Supplier<T> call) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            Duration wait;
            try {
                return call.get();
            } catch (SocialApiException e) {
                if (!e.isTransient()) {
                    throw e.rejected();
                }
                failure = e;
                wait = e.retryAfter() != null ? e.retryAfter() : backoff(attempt);
            } catch (ResourceAccessException e) {
                failure = e;
                wait = backoff(attempt);
            } catch (RestClientException e) {
                // An answer we cannot read: not worth repeating now, but no verdict on the post.
                throw new SocialNetworkUnavailableException(
                        network, "unexpected answer: " + e.getMessage(), null, e);
            }
            if (attempt >= retry.maxAttempts()
                    || waited.plus(wait).compareTo(retry.maxWait()) > 0) {
                throw new SocialNetworkUnavailableException(
                        network,
                        failure.getMessage() + " (after " + attempt + " attempt(s))",
                        failure instanceof SocialApiException api ? api.retryAfter() : null,
                        failure);
            }
            log.warn("{}; retrying in {}", failure.getMessage(), wait);
            pause(network, wait, failure);
            waited = waited.plus(wait);
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = retry.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    /** Waits {@code wait} (e.g. for a server to finish processing an upload). */
    void pause(String network, Duration wait) {
        pause(network, wait, null);
    }

    private void pause(String network, Duration wait, RuntimeException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocialNetworkUnavailableException(
                    network, "interrupted while waiting to retry", null, failure);
        }
    }
}
