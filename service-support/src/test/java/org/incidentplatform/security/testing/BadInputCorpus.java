package org.incidentplatform.security.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile and broken bodies sent to every write operation of a service's OpenAPI document with
 * valid admin credentials, so that only the input can be at fault. Every answer must be a 4xx
 * problem detail; no 5xx, no 2xx. The operations come from the document itself, so new endpoints
 * are covered the day they appear.
 */
public final class BadInputCorpus {

    /** Bodies that no write endpoint may accept. */
    public static final Map<String, String> BODIES = corpus();

    private static final Set<String> WRITES = Set.of("post", "put", "patch");
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final String adminKey;
    private final Predicate<String> skip;
    private final Set<String> correlationIds = new java.util.HashSet<>();
    private int requests;

    /**
     * @param skip paths whose documented contract is not problem details (e.g. the Events API v2
     *             endpoint answers in that API's own shape) or that need their own corpus
     */
    public BadInputCorpus(String baseUrl, String adminKey, Predicate<String> skip) {
        this.baseUrl = baseUrl;
        this.adminKey = adminKey;
        this.skip = skip;
    }

    private static Map<String, String> corpus() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"title\": ");
        bodies.put("not an object", "[1, 2, 3]");
        bodies.put("a bare string", "\"hello\"");
        bodies.put("wrong types", "{\"title\": 5, \"severity\": [\"SEV1\"], \"status\": {}, \"text\": 7, \"name\": 1, \"components\": \"x\"}");
        bodies.put("huge strings", "{\"title\": \"" + "x".repeat(300_000) + "\", \"text\": \"" + "y".repeat(300_000) + "\"}");
        bodies.put("deep nesting", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}");
        bodies.put("operator objects in string fields", "{\"title\": {\"$gt\": \"\"}, \"name\": {\"$ne\": null}, \"text\": {\"$where\": \"1\"}, \"status\": {\"$in\": []}}");
        bodies.put("NUL bytes", "{\"title\": \"a\\u0000b\", \"severity\": \"SEV1\\u0000\", \"status\": \"\\u0000\", \"name\": \"\\u0000\"}");
        bodies.put("unicode edge cases", "{\"title\": \"\\ud800\", \"severity\": \"ＳＥＶ１\", \"status\": \"investigating\\u202e\", \"name\": \"\\ufeff\"}");
        bodies.put("script tags in enum fields", "{\"severity\": \"<script>alert(1)</script>\", \"status\": \"<script>\", \"type\": \"<img src=x onerror=alert(1)>\"}");
        // No coercion and well-formed, printable text (service-support's strictjson rules).
        bodies.put("numbers where text belongs", "{\"title\": 12, \"name\": 12, \"text\": 12, \"message\": 12, \"summary\": 12, \"severity\": \"SEV3\"}");
        bodies.put("booleans where text belongs", "{\"title\": true, \"name\": false, \"text\": true, \"message\": false, \"severity\": \"SEV3\"}");
        bodies.put("enum constants by position", "{\"title\": \"Enum by position\", \"severity\": 1, \"status\": 1, \"type\": 0, \"grouping\": 0}");
        bodies.put("text where numbers and booleans belong", "{\"title\": \"x\", \"severity\": \"SEV3\", \"limit\": \"5\", \"autoResolve\": \"true\", \"enabled\": \"1\", \"truncatedAlerts\": \"0\"}");
        bodies.put("unpaired surrogates", "{\"title\": \"\\ud800\", \"name\": \"x\\udc00\", \"text\": \"\\ud800\", \"message\": \"\\ud800\", \"severity\": \"SEV3\"}");
        bodies.put("control characters in text", "{\"title\": \"a\\u001b[2Jb\", \"name\": \"\\u0007\", \"text\": \"\\u0085\", \"message\": \"\\u0008\", \"severity\": \"SEV3\"}");
        bodies.put("empty body", "");
        bodies.put("null", "null");
        return bodies;
    }

    /** Every answer that was not a 4xx problem detail, as "METHOD path [case]: status". */
    public List<String> violations() throws Exception {
        JsonNode document = json.readTree(send("GET", "/v3/api-docs", null).body());
        List<String> violations = new ArrayList<>();
        for (var path : document.path("paths").properties()) {
            if (skip.test(path.getKey())) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                if (!WRITES.contains(operation.getKey())
                        || operation.getValue().path("requestBody").isMissingNode()) {
                    continue;
                }
                String target = path.getKey().replaceAll("\\{[^}]+}", "corpus-probe");
                for (var body : BODIES.entrySet()) {
                    requests++;
                    HttpResponse<String> response = send(operation.getKey().toUpperCase(), target, body.getValue());
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (response.statusCode() < 400 || response.statusCode() >= 500
                            || !type.startsWith("application/problem+json")) {
                        violations.add(operation.getKey().toUpperCase() + " " + path.getKey() + " [" + body.getKey()
                                + "]: " + response.statusCode() + " " + type);
                    }
                }
            }
        }
        return violations;
    }

    /** How many hostile requests {@link #violations()} sent. */
    public int requests() {
        return requests;
    }

    /**
     * The X-Correlation-Id of every request sent; a service that records correlation ids on what it
     * stores can prove that none of them led to a stored event.
     */
    public Set<String> correlationIds() {
        return correlationIds;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        String correlationId = "bad-input-" + java.util.UUID.randomUUID();
        correlationIds.add(correlationId);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + adminKey)
                .header("X-Correlation-Id", correlationId);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
