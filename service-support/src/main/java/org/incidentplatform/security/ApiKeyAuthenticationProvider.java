package org.incidentplatform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates bearer tokens that are API keys: the bootstrap admin key (compared in constant
 * time) or a stored key. Tokens that are neither are left to the JWT provider, if any.
 */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    static final String BOOTSTRAP_PRINCIPAL = "apikey:bootstrap-admin";

    private final ApiKeyStore keys;
    private final byte[] bootstrapKey;

    ApiKeyAuthenticationProvider(ApiKeyStore keys, String bootstrapKey) {
        this.keys = keys;
        this.bootstrapKey = bootstrapKey == null || bootstrapKey.isBlank() ? null : bootstrapKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (bootstrapKey != null && MessageDigest.isEqual(bootstrapKey, token.getBytes(StandardCharsets.UTF_8))) {
            return new ApiKeyAuthentication(BOOTSTRAP_PRINCIPAL, Scopes.authoritiesFor(List.of(Scopes.ADMIN)));
        }
        if (!token.startsWith(ApiKeyStore.PREFIX)) {
            return null;
        }
        return keys.findValid(token)
                .map(key -> new ApiKeyAuthentication("apikey:" + key.name(), Scopes.authoritiesFor(key.scopes())))
                .orElseThrow(() -> new BadCredentialsException("Unknown or revoked API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An authenticated API key; its name is the actor recorded on events. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final String principal;

        ApiKeyAuthentication(String principal, List<String> authorities) {
            super(AuthorityUtils.createAuthorityList(authorities));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal;
        }
    }
}
