package org.incidentplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OIDC end to end: real RS256 tokens checked against a JWK set served over HTTP, through the
 * service security chain. A token for another audience is a 401; a group that is spelled like a
 * scope but not mapped grants nothing; a mapped group works; no audience configured, no start.
 */
@SpringBootTest(classes = OidcAccessTest.ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcAccessTest {

    static final String AUDIENCE = "incident-platform";
    static final KeyPair ISSUER_KEYS = rsaKeys();
    static final HttpServer JWKS = jwksServer();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        for (String property : properties()) {
            String[] pair = property.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
        registry.add(JwtAudienceCheck.PROPERTY, () -> AUDIENCE);
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWith401() throws Exception {
        String token = sign(ISSUER_KEYS, List.of("other-app"), List.of("oncall-admins"));

        assertThat(get("/api/v1/probe", token).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/admin/probe", token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutAnAudienceIsRefusedWith401() throws Exception {
        assertThat(get("/api/v1/probe", sign(ISSUER_KEYS, List.of(), List.of("viewers"))).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnmappedGroupNamedAdminGrantsNothing() throws Exception {
        String token = sign(ISSUER_KEYS, List.of(AUDIENCE), List.of("admin", "incidents:read"));

        assertThat(get("/api/v1/admin/probe", token).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/probe", token).statusCode()).isEqualTo(403);
    }

    @Test
    void mappedGroupsGrantTheirScopes() throws Exception {
        String viewer = sign(ISSUER_KEYS, List.of("some-other-api", AUDIENCE), List.of("viewers"));
        String admin = sign(ISSUER_KEYS, List.of(AUDIENCE), List.of("oncall-admins"));

        assertThat(get("/api/v1/probe", viewer).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/admin/probe", viewer).statusCode()).isEqualTo(403);
        HttpResponse<String> asAdmin = get("/api/v1/admin/probe", admin);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).isEqualTo("jwt:alice@example.com");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedWith401() throws Exception {
        assertThat(get("/api/v1/probe", sign(rsaKeys(), List.of(AUDIENCE), List.of("viewers"))).statusCode()).isEqualTo(401);
    }

    @Test
    void aServiceWithOidcButNoAudienceRefusesToStart() {
        String[] withoutAudience = java.util.stream.Stream.concat(java.util.Arrays.stream(properties()),
                java.util.stream.Stream.of("server.port=0")).toArray(String[]::new);

        assertThatThrownBy(() -> new SpringApplicationBuilder(ProbeApplication.class).properties(withoutAudience).run().close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no audience is set")
                .hasMessageContaining(JwtAudienceCheck.PROPERTY);
    }

    private static String[] properties() {
        return new String[] {
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks",
            "incidents.security.jwt.scope-claim=groups",
            "incidents.security.jwt.scope-mapping.oncall-admins=admin",
            "incidents.security.jwt.scope-mapping.viewers=incidents:read",
            "incidents.consumer.enabled=false",
            // Never contacted: the probe endpoints use no API keys.
            "spring.mongodb.uri=mongodb://127.0.0.1:9/none?serverSelectionTimeoutMS=200"};
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(KeyPair keys, List<String> audience, List<String> groups) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("alice@example.com")
                .issuer("https://idp.example")
                .audience(audience)
                .claim("groups", groups)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("issuer-key").build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static HttpServer jwksServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) ISSUER_KEYS.getPublic()).keyID("issuer-key").build())
                    .toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {
    }

    @RestController
    static class ProbeController {

        @GetMapping("/api/v1/probe")
        String read(java.security.Principal caller) {
            return caller.getName();
        }

        @GetMapping("/api/v1/admin/probe")
        String admin(java.security.Principal caller) {
            return caller.getName();
        }
    }
}
