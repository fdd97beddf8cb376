package org.incidentplatform.incident.integrations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The integration key a webhook request carries, wherever its sender puts it: in the path
 * ({@code /api/v1/integrations/{key}/...}), as {@code Authorization: Bearer <key>} or Basic
 * password, or as the Events API's {@code routing_key}. Says nothing about whether the key is valid.
 */
public final class IntegrationCredential {

    private static final Pattern KEY_IN_PATH = Pattern.compile("^/api/v1/integrations/([^/]+)/(alertmanager|grafana)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IntegrationCredential() {
    }

    /** True for the paths alert senders post to, the only ones whose credential is an integration key. */
    public static boolean isWebhook(String path) {
        return KEY_IN_PATH.matcher(path).matches() || "/api/v1/alerts/alertmanager".equals(path)
                || "/api/v1/alerts/grafana".equals(path) || keyInBody(path);
    }

    /** True for the Events API paths, whose key is in the body. */
    public static boolean keyInBody(String path) {
        return "/api/v1/events/enqueue".equals(path) || "/v2/enqueue".equals(path);
    }

    /** @param body the request body, needed only for {@link #keyInBody} paths; may be null otherwise */
    public static Optional<String> of(String path, String authorization, byte[] body) {
        Matcher inPath = KEY_IN_PATH.matcher(path);
        if (inPath.matches()) {
            return Optional.of(inPath.group(1));
        }
        if (keyInBody(path)) {
            return routingKey(body);
        }
        return fromAuthorization(authorization);
    }

    static Optional<String> fromAuthorization(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return nonBlank(authorization.substring(7).trim());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : nonBlank(decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> routingKey(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode key = JSON.readTree(body).path("routing_key");
            return key.isString() ? nonBlank(key.asString()) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
