package org.incidentplatform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Public paths authenticate their callers themselves or not at all: a webhook sender's bearer
 * token is its integration key, not an API key, and must not be rejected by the API key check.
 */
final class PublicPathsIgnoreBearerTokens implements BearerTokenResolver {

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
    private final PathPatterns publicPaths;

    PublicPathsIgnoreBearerTokens(List<String> publicPaths) {
        this.publicPaths = new PathPatterns(publicPaths);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        return publicPaths.matches(request) ? null : standard.resolve(request);
    }
}
