package org.incidentplatform.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Error answers name the request path ({@code instance} of a problem detail, {@code path} of
 * Boot's error body). Some paths carry a secret, such as an integration key in a webhook URL;
 * those segments are shown as {@code ****}, so an error answer or a log of it never repeats a
 * working key. The patterns come from {@code incidents.security.secret-path-patterns}, where
 * every {@code {variable}} segment is a secret.
 */
@ControllerAdvice
class SecretPathRedaction implements ResponseBodyAdvice<Object> {

    static final String MASK = "****";
    private final List<PathPattern> patterns;
    private final List<String[]> segments;

    SecretPathRedaction(List<String> secretPathPatterns) {
        this.patterns = secretPathPatterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.segments = secretPathPatterns.stream().map(pattern -> pattern.split("/", -1)).toList();
    }

    /** The path with its secret segments masked; unchanged when no pattern matches. */
    String redact(String path) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matches(PathContainer.parsePath(path))) {
                String[] parts = path.split("/", -1);
                String[] pattern = segments.get(i);
                for (int s = 0; s < parts.length && s < pattern.length; s++) {
                    if (pattern[s].startsWith("{")) {
                        parts[s] = MASK;
                    }
                }
                return String.join("/", parts);
            }
        }
        return path;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return !patterns.isEmpty();
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getInstance() != null) {
            String path = problem.getInstance().getRawPath();
            String redacted = path == null ? null : redact(path);
            if (redacted != null && !redacted.equals(path)) {
                problem.setInstance(URI.create(redacted));
            }
        } else if (body instanceof Map<?, ?> map && map.get("path") instanceof String path && !redact(path).equals(path)) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put("path", redact(path));
            return copy;
        }
        return body;
    }
}
