package org.incidentplatform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** A list of path patterns ({@code /api/v1/integrations/*}{@code /alertmanager}, {@code /status/**}). */
final class PathPatterns {

    private final List<PathPattern> patterns;

    PathPatterns(List<String> patterns) {
        this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    boolean matches(HttpServletRequest request) {
        if (patterns.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
