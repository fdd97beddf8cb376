package org.incidentplatform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.incidentplatform.logging.OutageLog;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with Retry-After when the API-key store fails, whether while authenticating a
 * stored key (in the security chain, where no controller advice runs) or inside a controller
 * that manages keys. A WARN names the cause (the driver's error code for a refused command, as
 * "not authorized" means a missing role rather than an outage) at most every ten seconds ({@link OutageLog}).
 */
class ApiKeyStoreOutageFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final OutageLog outages = new OutageLog(LoggerFactory.getLogger(ApiKeyStoreOutageFilter.class), "API-key store");

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
            outages.answering503(outage.getCause());
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
}
