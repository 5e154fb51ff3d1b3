package io.milestones.registration.access;

import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asks notifier-service for everything it holds about a teacher. */
@Component
class NotifierClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final NotifierProperties properties;

    NotifierClient(NotifierProperties properties) {
        this.properties = properties;
        var factory =
                new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        factory.setReadTimeout(properties.timeout());
        this.http =
                RestClient.builder()
                        .baseUrl(properties.baseUrl().toString())
                        .requestFactory(factory)
                        .build();
    }

    /**
     * @throws NotifierUnavailable when the notifier does not answer 200
     */
    JsonNode personalData(String teacherId) {
        try {
            String body =
                    http.get()
                            .uri("/api/admin/teachers/{teacherId}/personal-data", teacherId)
                            .header("X-API-Key", properties.apiKey())
                            .retrieve()
                            .body(String.class);
            return JSON.readTree(body);
        } catch (RestClientException | tools.jackson.core.JacksonException e) {
            throw new NotifierUnavailable(e);
        }
    }

    /** The notifier did not answer (down, refused the key, sent no JSON). */
    static final class NotifierUnavailable extends RuntimeException {
        NotifierUnavailable(Throwable cause) {
            super("notifier-service did not answer: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
