package org.incidentplatform.incident;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for API tests: every status is returned, never thrown. */
public final class ApiClient {

    /** The bootstrap admin key every test context is configured with. */
    public static final String ADMIN_KEY = org.incidentplatform.security.testing.TestCredentials.ADMIN_KEY;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RestClient http;

    /** A client that authenticates with the bootstrap admin key. */
    public ApiClient(int port) {
        this(port, ADMIN_KEY);
    }

    /** A client that sends the given bearer token, or none when it is null. */
    public ApiClient(int port, String bearerToken) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (bearerToken != null) {
            builder.defaultHeader("Authorization", "Bearer " + bearerToken);
        }
        http = builder.build();
    }

    public record Response(int status, Map<String, String> headers, JsonNode body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String text(String jsonPointer) {
            return body.at(jsonPointer).asString();
        }
    }

    public Response get(String path) {
        return exchange(HttpMethod.GET, path, null, Map.of());
    }

    public Response send(HttpMethod method, String path, String json) {
        return exchange(method, path, json, Map.of());
    }

    public Response exchange(HttpMethod method, String path, String json, Map<String, String> headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        headers.forEach(request::header);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        Map<String, String> responseHeaders = new java.util.HashMap<>();
        response.getHeaders().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), values.getFirst()));
        String body = response.getBody();
        String contentType = responseHeaders.getOrDefault("content-type", "");
        JsonNode parsed = body == null || body.isEmpty() ? JSON.missingNode()
                : contentType.contains("json") ? JSON.readTree(body) : JSON.getNodeFactory().stringNode(body);
        return new Response(response.getStatusCode().value(), responseHeaders, parsed);
    }
}
