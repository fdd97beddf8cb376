package org.incidentplatform.incident.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** Applies {@code Idempotency-Key} to every write under /api/. */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG);
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final IdempotencyStore store;
    private final IdempotencyScope scopes;

    IdempotencyFilter(IdempotencyStore store, IdempotencyScope scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            Problems.write(response, 400, "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            Problems.write(response, 413, "Request body too large", "The body may be at most 1 MiB.");
            return;
        }
        Optional<String> scope = scopes.of(request, body);
        if (scope.isEmpty()) {
            // No authenticated caller: the handler answers (401/404) and nothing is stored or replayed.
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        String id = sha256(scope.get() + "\n" + key);
        String fingerprint = sha256(request.getMethod() + "\n" + request.getRequestURI() + "\n"
                + new String(body, StandardCharsets.UTF_8));

        Optional<IdempotencyRecord> existing = store.claim(id, fingerprint, Instant.now());
        if (existing.isPresent()) {
            answerRepeat(existing.get(), fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            completed = StoredAnswers.isFinal(captured.getStatus());
        } finally {
            if (completed) {
                store.complete(id, fingerprint, captured.getStatus(), replayableHeaders(captured),
                        captured.getContentAsByteArray());
            } else {
                store.release(id); // Not a final answer (401, 429, 5xx, ...): the client's retry is processed anew.
            }
            captured.copyBodyToResponse();
        }
    }

    private static void answerRepeat(IdempotencyRecord record, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!record.fingerprint().equals(fingerprint)) {
            Problems.write(response, 422, "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request.");
        } else if (!record.completed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            Problems.write(response, 409, "Request in progress",
                    "A request with this Idempotency-Key is still being processed. Retry shortly.");
        } else {
            response.setStatus(record.status());
            record.headers().forEach(response::setHeader);
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(record.body());
        }
    }

    private static Map<String, String> replayableHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
