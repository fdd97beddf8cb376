package org.incidentplatform.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Accepts only access tokens issued for this API. An issuer signs tokens for every application
 * it serves; without this check a token meant for some other application of the same issuer
 * would open ours. Applied on top of whatever decoder is configured, so a decoder built by hand
 * cannot forget it.
 */
final class JwtAudienceCheck {

    static final String PROPERTY = "spring.security.oauth2.resourceserver.jwt.audiences";

    private JwtAudienceCheck() {
    }

    /** The decoder, refusing tokens whose {@code aud} names none of the audiences. */
    static JwtDecoder requiring(List<String> audiences, JwtDecoder decoder) {
        if (audiences.isEmpty() || audiences.stream().allMatch(String::isBlank)) {
            throw new IllegalStateException("OIDC access tokens are enabled (a JwtDecoder is configured, e.g. through "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri) but no audience is set. Set " + PROPERTY
                    + " (environment SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES, comma-separated) to the audience your identity provider puts in the access tokens "
                    + "for this API; without it, tokens issued for any other application of that issuer would be accepted.");
        }
        List<String> accepted = List.copyOf(audiences);
        return token -> {
            Jwt jwt = decoder.decode(token);
            List<String> aud = jwt.getAudience();
            if (aud == null || aud.stream().noneMatch(accepted::contains)) {
                throw new JwtValidationException("The token was not issued for this API (aud)", List.of(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_TOKEN, "The aud claim does not name this API", null)));
            }
            return jwt;
        };
    }
}
