package org.incidentplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * OIDC access tokens: a real RS256-signed token is verified and its claims become our scopes
 * through the configured mapping; a token signed by another key is refused.
 */
class JwtAuthenticationTest {

    private final KeyPair issuerKeys = rsaKeys();

    private JwtAuthenticationProvider provider(Map<String, String> mapping) {
        var provider = new JwtAuthenticationProvider(NimbusJwtDecoder.withPublicKey((RSAPublicKey) issuerKeys.getPublic()).build());
        provider.setJwtAuthenticationConverter(new JwtScopeConverter(new ServiceSecurityProperties.Jwt("groups", mapping, "sub")));
        return provider;
    }

    @Test
    void groupClaimsMapToScopesAndTheSubjectBecomesTheActor() throws Exception {
        String token = sign(issuerKeys, List.of("oncall-engineers", "viewers"));

        Authentication authentication = provider(Map.of("oncall-engineers", Scopes.INCIDENTS_WRITE,
                "viewers", Scopes.INCIDENTS_READ)).authenticate(new BearerTokenAuthenticationToken(token));

        assertThat(authentication.getName()).isEqualTo("jwt:alice@example.com");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SCOPE_incidents:write", "SCOPE_incidents:read");
    }

    @Test
    void unmappedClaimValuesGrantNothing() throws Exception {
        String token = sign(issuerKeys, List.of("marketing"));

        Authentication authentication = provider(Map.of()).authenticate(new BearerTokenAuthenticationToken(token));

        assertThat(authentication.getAuthorities()).isEmpty();
    }

    @Test
    void claimValuesSpelledLikeScopesGrantNothingUnlessMapped() throws Exception {
        String token = sign(issuerKeys, List.of("admin", "incidents:write"));

        Authentication authentication = provider(Map.of("viewers", Scopes.INCIDENTS_READ))
                .authenticate(new BearerTokenAuthenticationToken(token));

        assertThat(authentication.getAuthorities()).isEmpty();
    }

    @Test
    void aMappingToSomethingThatIsNotAScopeIsRefusedAtStart() {
        assertThatThrownBy(() -> new ServiceSecurityProperties.Jwt("groups", Map.of("ops", "superuser"), "sub"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'superuser', which is not a scope");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        String forged = sign(rsaKeys(), List.of("oncall-engineers"));

        assertThatThrownBy(() -> provider(Map.of("oncall-engineers", Scopes.ADMIN))
                .authenticate(new BearerTokenAuthenticationToken(forged)))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    private static String sign(KeyPair keys, List<String> groups) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("alice@example.com")
                .issuer("https://idp.example")
                .claim("groups", groups)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
