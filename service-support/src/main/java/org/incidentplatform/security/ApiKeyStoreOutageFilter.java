package org.incidentplatform.security;

import com.mongodb.MongoServerException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with Retry-After when the API-key store fails, whether while authenticating a
 * stored key (in the security chain, where no controller advice runs) or inside a controller
 * that manages keys. A WARN names the cause (the driver's error code for a refused command, as
 * "not authorized" means a missing role rather than an outage) at most every {@link #LOG_EVERY}.
 */
class ApiKeyStoreOutageFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ApiKeyStoreOutageFilter.class);

    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY.toNanos());

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            ApiKeyStoreUnavailableException outage = outageIn(failure);
            if (outage == null || response.isCommitted()) {
                throw failure;
            }
            logThrottled(outage.getCause());
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            ProblemResponses.write(response, 503, "Service unavailable",
                    "API keys cannot be checked right now; retry after the seconds in Retry-After.");
        }
    }

    private static ApiKeyStoreUnavailableException outageIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiKeyStoreUnavailableException outage) {
                return outage;
            }
        }
        return null;
    }

    private void logThrottled(Throwable cause) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last < LOG_EVERY.toNanos() || !lastLogged.compareAndSet(last, now)) {
            return;
        }
        // Only the type and code: a driver message quotes the command, with the key's hash in its filter.
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String code = root instanceof MongoServerException server ? " (code " + server.getCode() + " "
                + server.getErrorCodeName() + ")" : "";
        log.warn("API-key store unavailable, answering 503: {}{}", root.getClass().getSimpleName(), code);
    }
}
