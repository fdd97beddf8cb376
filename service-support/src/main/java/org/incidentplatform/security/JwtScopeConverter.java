package org.incidentplatform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns an access token's claims into our scopes through the configured mapping. Only mapped
 * values grant anything: an identity provider's group that happens to be called {@code admin}
 * must not become our admin scope because nobody said so.
 */
class JwtScopeConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ServiceSecurityProperties.Jwt settings;

    JwtScopeConverter(ServiceSecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> scopes = new ArrayList<>();
        for (String value : claimValues(jwt.getClaim(settings.scopeClaim()))) {
            String mapped = settings.scopeMapping().get(value);
            if (mapped != null) {
                scopes.add(mapped);
            }
        }
        String principal = "jwt:" + jwt.getClaimAsString(settings.principalClaim());
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(Scopes.authoritiesFor(scopes)), principal);
    }

    private static List<String> claimValues(Object claim) {
        if (claim instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
