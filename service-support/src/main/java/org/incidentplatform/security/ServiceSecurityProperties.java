package org.incidentplatform.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incidents.security.*}: how a service authenticates and limits callers.
 *
 * @param bootstrapApiKey        the admin key from INCIDENTS_API_KEY; empty disables it
 * @param authDatabase           the MongoDB database (on the service's cluster) holding API keys
 * @param publicPaths            extra paths anyone may call (status page, webhooks with their own checks)
 * @param publicDocs             whether the OpenAPI documents and Swagger UI are public
 * @param contentSecurityPolicy  the CSP sent with every response outside Swagger UI
 * @param maxBodyBytes           largest request body accepted (413 above)
 * @param largeBodies            paths allowed a larger body (alert webhooks carrying storm-sized groups)
 * @param rateLimit              per-caller request rate
 * @param jwt                    how OIDC/JWT claims become scopes (used when an issuer is configured)
 * @param secretPathPatterns     paths with secrets in them, e.g. {@code /api/v1/integrations/{key}/alertmanager}:
 *                               each {@code {variable}} segment is masked in error answers
 */
@ConfigurationProperties("incidents.security")
public record ServiceSecurityProperties(
        String bootstrapApiKey,
        @DefaultValue("auth") String authDatabase,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("true") boolean publicDocs,
        @DefaultValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'") String contentSecurityPolicy,
        @DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue LargeBodies largeBodies,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Jwt jwt,
        @DefaultValue List<String> secretPathPatterns) {

    /**
     * @param paths    path patterns whose bodies may reach {@code maxBytes}
     * @param maxBytes their limit
     */
    public record LargeBodies(@DefaultValue List<String> paths, @DefaultValue("16777216") long maxBytes) {
    }

    /**
     * @param perSecond   sustained requests per second per caller
     * @param burst       requests a caller may make at once after being idle
     * @param exemptPaths    paths with their own overload protection (alert intake answers 429 itself)
     * @param trustedProxies addresses or CIDRs of the proxies (ingress, load balancer) whose
     *                       X-Forwarded-For is believed for anonymous callers; none by default
     */
    public record RateLimit(@DefaultValue("50") double perSecond, @DefaultValue("100") int burst,
            @DefaultValue List<String> exemptPaths, @DefaultValue List<String> trustedProxies) {
    }

    /**
     * @param scopeClaim     claim holding scopes or groups (a space-separated string or a list)
     * @param scopeMapping   claim value to scope, e.g. {@code oncall-engineers: incidents:write}; only
     *                       values named here grant anything, even one spelled like a scope
     * @param principalClaim claim naming the caller
     */
    public record Jwt(@DefaultValue("scope") String scopeClaim, @DefaultValue Map<String, String> scopeMapping,
            @DefaultValue("sub") String principalClaim) {

        public Jwt {
            scopeMapping.forEach((value, scope) -> {
                if (!Scopes.ALL.contains(scope)) {
                    throw new IllegalArgumentException("incidents.security.jwt.scope-mapping maps '" + value
                            + "' to '" + scope + "', which is not a scope; use one of " + new java.util.TreeSet<>(Scopes.ALL));
                }
            });
        }
    }
}
