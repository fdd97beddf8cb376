package org.incidentplatform.strictjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON rules every service gets from service-support, through a real request: values must
 * have the field's type, text must be well-formed and free of control characters, and each
 * refusal is a 400 problem naming the field.
 */
@SpringBootTest(classes = StrictJsonTest.ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incidents.security.bootstrap-api-key=" + TestCredentials.ADMIN_KEY, "incidents.consumer.enabled=false",
            "spring.mongodb.uri=mongodb://127.0.0.1:9/none?serverSelectionTimeoutMS=200"})
class StrictJsonTest {

    enum Severity { SEV1, SEV2, SEV3, SEV4 }

    record Probe(String title, Severity severity, Integer count, Double ratio, Boolean flag, Map<String, String> labels,
            List<String> tags, Object details) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWellTypedBodyWithTabsAndNewlinesIsAccepted() throws Exception {
        HttpResponse<String> response = post("""
                {"title": "Checkout\\tdown\\r\\nagain \\ud83d\\udd25", "severity": "SEV2", "count": 3, "ratio": 1,
                 "flag": true, "labels": {"team": "payments"}, "tags": ["a"], "details": {"n": 1, "s": "x"}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("title").asString()).isEqualTo("Checkout\tdown\r\nagain 🔥");
    }

    @Test
    void aNumberIsNotAString() throws Exception {
        assertRefused("{\"title\": 12}", "title", "/title", "must be a string");
        assertRefused("{\"title\": true}", "title", "/title", "must be a string");
        assertRefused("{\"tags\": [\"a\", 2]}", "tags[1]", "/tags/1", "must be a string");
        assertRefused("{\"labels\": {\"team\": 7}}", "labels.team", "/labels/team", "must be a string");
    }

    @Test
    void aNumberIsNotAnEnumConstant() throws Exception {
        assertRefused("{\"severity\": 1}", "severity", "/severity", "must be one of SEV1, SEV2, SEV3, SEV4");
    }

    @Test
    void numbersAndBooleansAreNotReadFromStringsOrFractions() throws Exception {
        assertRefused("{\"count\": \"5\"}", "count", "/count", "must be a whole number");
        assertRefused("{\"count\": 1.5}", "count", "/count", "must be a whole number");
        assertRefused("{\"ratio\": \"0.5\"}", "ratio", "/ratio", "must be a number");
        assertRefused("{\"flag\": \"true\"}", "flag", "/flag", "must be true or false");
        assertRefused("{\"flag\": 1}", "flag", "/flag", "must be true or false");
    }

    @Test
    void anUnpairedSurrogateIsRefusedWhereverTextIs() throws Exception {
        assertRefused("{\"title\": \"\\ud800\"}", "title", "/title", "unpaired surrogate (U+D800)");
        assertRefused("{\"tags\": [\"ok\", \"x\\udc00\"]}", "tags[1]", "/tags/1", "unpaired surrogate (U+DC00)");
        assertRefused("{\"labels\": {\"team\": \"\\ud800\"}}", "labels.team", "/labels/team", "unpaired surrogate");
        assertRefused("{\"details\": {\"nested\": [\"\\ud800\"]}}", "details", "/details", "unpaired surrogate");
    }

    @Test
    void controlCharactersAreRefusedInValuesAndKeys() throws Exception {
        assertRefused("{\"title\": \"a\\u0000b\"}", "title", "/title", "control character U+0000");
        assertRefused("{\"title\": \"\\u001b[2J\"}", "title", "/title", "control character U+001B");
        assertRefused("{\"labels\": {\"te\\u0007am\": \"x\"}}", "labels", "/labels", "control character U+0007");
    }

    @Test
    void storedHistoryStaysReadableByTheSameMapperOutsideRequests() throws Exception {
        // Kafka consumers and the event store read with this mapper: text rules are for input only ...
        assertThat(json.readValue("{\"title\": \"a\\u0000b\"}", Probe.class).title()).isEqualTo("a\u0000b");
        // ... but the type rules hold everywhere.
        assertThatThrownBy(() -> json.readValue("{\"title\": 12}", Probe.class)).isInstanceOf(MismatchedInputException.class);
        // A controller that parses a body itself opts in.
        assertThatThrownBy(() -> UntrustedInput.reader(json, Probe.class).readValue("{\"title\": \"\\ud800\"}"))
                .isInstanceOf(UnacceptableTextException.class);
    }

    private void assertRefused(String body, String field, String pointer, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = json.readTree(response.body()).path("errors").path(0);
        assertThat(error.path("field").asString()).as(body).isEqualTo(field);
        assertThat(error.path("pointer").asString()).as(body).isEqualTo(pointer);
        assertThat(error.path("message").asString()).as(body).contains(message);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/probe"))
                .header("Authorization", "Bearer " + TestCredentials.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {
    }

    @RestController
    static class ProbeController {

        @PostMapping("/api/v1/probe")
        Probe echo(@RequestBody Probe probe) {
            return probe;
        }
    }
}
