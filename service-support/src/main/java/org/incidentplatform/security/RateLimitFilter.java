package org.incidentplatform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per caller: the authenticated principal, or the client address for anonymous
 * calls ({@link ClientAddress}: behind a configured trusted proxy, the forwarded client). Over the limit a caller gets 429 with Retry-After, and nothing of the request runs.
 * Buckets live in this instance's memory, so N instances allow N times the rate.
 *
 * <p>Health checks have a bucket of their own per anonymous client address ({@value #HEALTH_PER_SECOND}
 * per second, bursts of {@value #HEALTH_BURST}): far above what probes and monitors send, so they are
 * never limited, while a flood of anonymous health calls cannot make the service check its
 * dependencies without limit. Authenticated callers are not limited on health.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CALLERS = 100_000;
    static final double HEALTH_PER_SECOND = 5;
    static final double HEALTH_BURST = 20;
    private static final String HEALTH = "/actuator/health";

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final PathPatterns exempt;
    private final ClientAddress clients;

    RateLimitFilter(ServiceSecurityProperties.RateLimit limit) {
        this.perSecond = limit.perSecond();
        this.burst = limit.burst();
        this.exempt = new PathPatterns(limit.exemptPaths());
        this.clients = new ClientAddress(limit.trustedProxies());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isHealth(request) && exempt.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean authenticated = caller != null && caller.isAuthenticated() && !"anonymousUser".equals(caller.getName());
        boolean health = isHealth(request);
        if (health && authenticated) {
            chain.doFilter(request, response);
            return;
        }
        String key = health ? "health:" + clients.of(request)
                : authenticated ? "principal:" + caller.getName() : "address:" + clients.of(request);
        double rate = health ? HEALTH_PER_SECOND : perSecond;
        double size = health ? HEALTH_BURST : burst;
        if (buckets.size() > MAX_TRACKED_CALLERS) {
            buckets.clear(); // Bounded memory under a flood of distinct callers; limits restart fresh.
        }
        long waitMillis = buckets.computeIfAbsent(key, k -> new Bucket(size)).take(rate, size, System.nanoTime());
        if (waitMillis > 0) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
            ProblemResponses.write(response, 429, "Too many requests",
                    "This caller exceeded its request rate; retry after the number of seconds in Retry-After.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isHealth(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefill = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        /** 0 when a token was taken; otherwise how long until one is available. */
        synchronized long take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - lastRefill) / 1e9 * perSecond);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1000);
        }
    }
}
