package org.incidentplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API-key store out of reach (MongoDB down, timing out, or this service's user not allowed on
 * the auth database) is a 503 with Retry-After, never a 500 or a 401: the key may well be valid.
 * The bootstrap key, which needs no lookup, keeps working.
 */
@SpringBootTest(classes = ApiKeyStoreOutageTest.ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incidents.consumer.enabled=false", "incidents.security.bootstrap-api-key=" + TestCredentials.ADMIN_KEY})
class ApiKeyStoreOutageTest {

    private static final String STORED_KEY = "ipk_" + "A".repeat(40);

    @MockitoBean
    MongoClient mongo;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Named<RuntimeException>> outages() {
        return Stream.of(
                Named.of("unreachable", new MongoTimeoutException("Timed out while waiting for a server")),
                Named.of("timing out", new MongoSocketReadTimeoutException("Timeout while receiving message",
                        new ServerAddress(), new SocketTimeoutException("Read timed out"))),
                Named.of("not authorized", new MongoCommandException(BsonDocument.parse(
                        "{ok: 0, code: 13, codeName: 'Unauthorized', errmsg: 'not authorized on auth to execute command'}"),
                        new ServerAddress())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void aStoredKeyIsAnswered503WithRetryAfterWhileTheStoreIsOut(RuntimeException outage) throws Exception {
        when(mongo.getDatabase(anyString())).thenThrow(outage);

        HttpResponse<String> response = get("/api/v1/probe", STORED_KEY);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":503").doesNotContain("not authorized").doesNotContain(STORED_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void managingKeysIsAnswered503WithRetryAfterWhileTheStoreIsOut(RuntimeException outage) throws Exception {
        when(mongo.getDatabase(anyString())).thenThrow(outage);

        HttpResponse<String> response = get("/api/v1/admin/keys", TestCredentials.ADMIN_KEY);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void theBootstrapKeyNeedsNoStore(RuntimeException outage) throws Exception {
        when(mongo.getDatabase(anyString())).thenThrow(outage);

        assertThat(get("/api/v1/probe", TestCredentials.ADMIN_KEY).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {
    }

    @RestController
    static class ProbeController {

        private final ApiKeyStore keys;

        ProbeController(ApiKeyStore keys) {
            this.keys = keys;
        }

        @GetMapping("/api/v1/probe")
        String read(java.security.Principal caller) {
            return caller.getName();
        }

        /** As incident-service's key API does: a store call inside a controller. */
        @GetMapping("/api/v1/admin/keys")
        List<String> keys() {
            return keys.list().stream().map(ApiKey::name).toList();
        }
    }
}
