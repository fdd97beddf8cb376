package org.incidentplatform.security.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.incidentplatform.security.Scopes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls every operation of a service's OpenAPI document four times: without credentials, with a
 * bad key, with a key lacking the needed scope, and with one that has it. The list of operations
 * comes from the document itself, so a new endpoint is covered the day it is added.
 *
 * <p>The scope each operation needs is stated here independently of the production rules, on
 * purpose: this is the specification the rules are checked against.
 */
public final class AuthorizationMatrix {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final Map<String, String> keyByScope;
    private final Predicate<String> isPublic;
    private Predicate<String> ownCredential = path -> false;

    /**
     * @param baseUrl    e.g. http://localhost:8081
     * @param keyByScope a key holding exactly that scope, for each scope the service's operations need
     * @param isPublic   which paths (as templates, e.g. /api/v1/status/summary.json) need no credentials
     */
    public AuthorizationMatrix(String baseUrl, Map<String, String> keyByScope, Predicate<String> isPublic) {
        this.baseUrl = baseUrl;
        this.keyByScope = keyByScope;
        this.isPublic = isPublic;
    }

    /**
     * Paths that authenticate by a credential of their own, not an API key (Slack's request
     * signature): without it they must answer 401 to anyone, whatever key they present, so that an
     * API key can never stand in for the signature.
     */
    public AuthorizationMatrix ownCredential(Predicate<String> paths) {
        this.ownCredential = paths;
        return this;
    }

    /** The scope an operation needs, or null for a public one. */
    public String requiredScope(String method, String path) {
        if (isPublic.test(path)) {
            return null;
        }
        if (path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/api-keys")) {
            return Scopes.ADMIN;
        }
        if (path.startsWith("/api/v1/integrations")) {
            return Scopes.INTEGRATIONS_ADMIN;
        }
        if (!method.equals("get") && (path.startsWith("/api/v1/people") || path.startsWith("/api/v1/teams")
                || path.startsWith("/api/v1/schedules") || path.startsWith("/api/v1/escalation-policies") || path.startsWith("/api/v1/heartbeats")
                || path.startsWith("/api/v1/maintenance-windows"))) {
            return Scopes.ONCALL_ADMIN;
        }
        return method.equals("get") ? Scopes.INCIDENTS_READ : Scopes.INCIDENTS_WRITE;
    }

    /** Every mismatch found; empty when the service enforces exactly the expected rules. */
    public List<String> violations() throws Exception {
        JsonNode document = json.readTree(send("get", "/v3/api-docs", null).body());
        List<String> violations = new ArrayList<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey();
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                check(method, path.getKey(), violations);
            }
        }
        if (operations == 0) {
            violations.add("The OpenAPI document lists no operations");
        }
        return violations;
    }

    private void check(String method, String template, List<String> violations) throws Exception {
        String path = template.replaceAll("\\{[^}]+}", "matrix-probe");
        String scope = requiredScope(method, template);
        String what = method.toUpperCase() + " " + template;
        if (ownCredential.test(template)) {
            for (String key : java.util.stream.Stream.concat(java.util.stream.Stream.of((String) null),
                    keyByScope.values().stream()).toList()) {
                int status = send(method, path, key).statusCode();
                if (status != 401) {
                    violations.add(what + " answered " + status + (key == null ? " without credentials" : " to an API key")
                            + " and no signature, expected 401");
                }
            }
            return;
        }
        int anonymous = send(method, path, null).statusCode();
        int badKey = send(method, path, "ipk_not-a-real-key").statusCode();
        if (scope == null) {
            if (anonymous == 401 || anonymous == 403) {
                violations.add(what + " should be public but answered " + anonymous + " without credentials");
            }
            return;
        }
        if (anonymous != 401) {
            violations.add(what + " answered " + anonymous + " without credentials, expected 401");
        }
        if (badKey != 401) {
            violations.add(what + " answered " + badKey + " to a bad key, expected 401");
        }
        int wrongScope = send(method, path, keyByScope.get(wrongScopeFor(scope))).statusCode();
        if (wrongScope != 403) {
            violations.add(what + " answered " + wrongScope + " to a key with " + wrongScopeFor(scope) + ", expected 403");
        }
        int rightScope = send(method, path, keyByScope.get(scope)).statusCode();
        if (rightScope == 401 || rightScope == 403 || rightScope >= 500) {
            violations.add(what + " answered " + rightScope + " to a key with " + scope);
        }
    }

    private static String wrongScopeFor(String scope) {
        return scope.equals(Scopes.INCIDENTS_READ) ? Scopes.INCIDENTS_WRITE : Scopes.INCIDENTS_READ;
    }

    private HttpResponse<String> send(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (method.equals("get") || method.equals("delete")) {
            request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
