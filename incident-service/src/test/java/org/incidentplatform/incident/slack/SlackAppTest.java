package org.incidentplatform.incident.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The Slack app against a stand-in of Slack that records the Web API calls and whose requests to
 * the app are signed as Slack signs them: buttons, modals, {@code /incident}, incident channels.
 */
@IncidentServiceTest
class SlackAppTest {

    @LocalServerPort
    int port;

    final SlackStandIn slack = SlackStandIn.shared();
    final HttpClient http = HttpClient.newHttpClient();
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void acknowledgeOnTheMessageRecordsTheSlackPersonStopsTheEscalationAndCountsOnceWhenDeliveredTwice() throws Exception {
        ApiClient admin = new ApiClient(port);
        String member = member();
        String sergei = person(admin, "Sergei Ivanov", member);
        String service = "slack-test-" + UUID.randomUUID().toString().substring(0, 8);
        policy(admin, "Slack " + service, "\"services\": [\"" + service + "\"]", "PERSON", sergei, "PT1M");
        String incidentId = open(admin, "Checkout errors", "SEV2", service);
        await().atMost(Duration.ofSeconds(10)).until(() -> "RUNNING".equals(escalation(admin, incidentId).path("state").asString()));

        String click = blockAction(member, "incident.acknowledge", incidentId, "trigger-" + UUID.randomUUID(), "ack-" + incidentId);
        assertThat(signedPost(SlackEndpoints.INTERACTIONS, click).statusCode()).isEqualTo(200);

        JsonNode incident = admin.get("/api/v1/incidents/" + incidentId).body();
        assertThat(incident.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(incident.path("escalation").path("state").asString()).isEqualTo("ACKNOWLEDGED");
        JsonNode acknowledged = event(admin, incidentId, "acknowledged");
        assertThat(acknowledged.path("actor").asString()).isEqualTo("Sergei Ivanov (" + sergei + ") via Slack");
        assertThat(responses("ack-" + incidentId)).singleElement().satisfies(answer -> assertThat(answer)
                .contains("\"response_type\":\"ephemeral\"").contains("Acknowledged *Checkout errors* (SEV2)"));

        assertThat(signedPost(SlackEndpoints.INTERACTIONS, click).statusCode()).as("Slack delivers it again").isEqualTo(200);
        assertThat(types(admin, incidentId).stream().filter(t -> t.endsWith(".acknowledged.v1"))).hasSize(1);
        assertThat(responses("ack-" + incidentId)).hasSize(2).last().asString().contains("Already done: Acknowledged");

        String secondClick = blockAction(member, "incident.acknowledge", incidentId, "trigger-" + UUID.randomUUID(), "ack2-" + incidentId);
        assertThat(signedPost(SlackEndpoints.INTERACTIONS, secondClick).statusCode()).isEqualTo(200);
        assertThat(responses("ack2-" + incidentId)).singleElement().asString()
                .contains("was already acknowledged by Sergei Ivanov (" + sergei + ") via Slack at");
        assertThat(types(admin, incidentId).stream().filter(t -> t.endsWith(".acknowledged.v1"))).hasSize(1);
    }

    @Test
    void resolveOpensAModalAndItsSubmissionResolvesOnceAsThePerson() throws Exception {
        ApiClient admin = new ApiClient(port);
        String member = member();
        String grace = person(admin, "Grace Hopper", member);
        String incidentId = open(admin, "Queue backlog", "SEV3", "queues");

        String trigger = "trigger-" + UUID.randomUUID();
        assertThat(signedPost(SlackEndpoints.INTERACTIONS, blockAction(member, "incident.resolve", incidentId, trigger,
                "resolve-" + incidentId)).statusCode()).isEqualTo(200);
        SlackStandIn.Call opened = slack.calls("views.open", c -> c.body().contains(trigger)).getFirst();
        assertThat(opened.get("view")).contains("\"callback_id\":\"incident.resolve.modal\"")
                .contains("\"private_metadata\":\"" + incidentId + "\"");

        String viewId = "V" + UUID.randomUUID().toString().substring(0, 8);
        String submission = viewSubmission(member, "incident.resolve.modal", viewId, incidentId,
                "{\"text\":{\"text\":{\"type\":\"plain_text_input\",\"value\":\"Drained the queue <!channel>\"}}}");
        HttpResponse<String> closed = signedPost(SlackEndpoints.INTERACTIONS, submission);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).doesNotContain("errors");

        JsonNode incident = admin.get("/api/v1/incidents/" + incidentId).body();
        assertThat(incident.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(incident.path("resolution").asString()).isEqualTo("Drained the queue <!channel>");
        assertThat(event(admin, incidentId, "resolved").path("actor").asString()).isEqualTo("Grace Hopper (" + grace + ") via Slack");

        HttpResponse<String> again = signedPost(SlackEndpoints.INTERACTIONS, submission);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(types(admin, incidentId).stream().filter(t -> t.endsWith(".resolved.v1"))).hasSize(1);
        assertThat(again.body()).contains("\"response_action\":\"errors\"").contains("Already done: Resolved");
    }

    @Test
    void aForgedStaleOrMissingSignatureGets401AndChangesNothing() throws Exception {
        ApiClient admin = new ApiClient(port);
        String member = member();
        person(admin, "Mallory Target", member);
        String incidentId = open(admin, "Signed only", "SEV3", "signatures");
        String click = blockAction(member, "incident.acknowledge", incidentId, "trigger-" + UUID.randomUUID(), "forged-" + incidentId);
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> forged = post(SlackEndpoints.INTERACTIONS, click, String.valueOf(now),
                SlackStandIn.signature("not-the-secret", now, click));
        long stale = now - 6 * 60;
        HttpResponse<String> replayed = post(SlackEndpoints.INTERACTIONS, click, String.valueOf(stale),
                SlackStandIn.signature(SlackStandIn.SIGNING_SECRET, stale, click));
        HttpResponse<String> unsigned = post(SlackEndpoints.COMMANDS, "text=declare+x", null, null);
        HttpResponse<String> tampered = post(SlackEndpoints.INTERACTIONS, click.replace("acknowledge", "resolve"),
                String.valueOf(now), SlackStandIn.signature(SlackStandIn.SIGNING_SECRET, now, click));

        for (HttpResponse<String> refused : List.of(forged, replayed, unsigned, tampered)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("Slack signature not valid");
        }
        assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).isEqualTo("TRIGGERED");
        assertThat(responses("forged-" + incidentId)).isEmpty();
    }

    @Test
    void signedButHostileBodiesGetA4xxProblemAndChangeNothingAndThePathsAreInTheApiDocument() throws Exception {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.get("/v3/api-docs").body().path("paths").propertyNames())
                .contains(SlackEndpoints.INTERACTIONS, SlackEndpoints.COMMANDS, SlackEndpoints.EVENTS);
        long incidentsBefore = admin.get("/api/v1/incidents?limit=100").body().path("items").size();
        int calls = slack.calls("views.open").size();
        for (String path : List.of(SlackEndpoints.INTERACTIONS, SlackEndpoints.COMMANDS, SlackEndpoints.EVENTS)) {
            for (var hostile : org.incidentplatform.security.testing.BadInputCorpus.BODIES.entrySet()) {
                for (String body : List.of(hostile.getValue(), SlackStandIn.formOf(Map.of("payload", hostile.getValue())),
                        SlackStandIn.formOf(Map.of("command", "/incident", "text", hostile.getValue(), "user_id", "")))) {
                    if (body.length() > 400_000) {
                        continue; // Above the body limit: 413 before anything, covered by BadInputTest.
                    }
                    HttpResponse<String> answer = signedPost(path, body);
                    assertThat(answer.statusCode()).as(path + " " + hostile.getKey() + ": " + answer.body()).isBetween(200, 499);
                    if (answer.statusCode() >= 400) {
                        assertThat(answer.headers().firstValue("Content-Type")).as(hostile.getKey())
                                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                    }
                }
            }
        }
        assertThat(admin.get("/api/v1/incidents?limit=100").body().path("items").size()).isEqualTo(incidentsBefore);
        assertThat(slack.calls("views.open")).hasSize(calls);
    }

    @Test
    void aSlackMemberWhoIsNobodyHereIsRefusedPrivatelyAndNothingChanges() throws Exception {
        ApiClient admin = new ApiClient(port);
        String incidentId = open(admin, "Strangers", "SEV3", "strangers");
        String stranger = member();
        signedPost(SlackEndpoints.INTERACTIONS, blockAction(stranger, "incident.acknowledge", incidentId,
                "trigger-" + UUID.randomUUID(), "stranger-" + incidentId));

        assertThat(responses("stranger-" + incidentId)).singleElement().asString()
                .contains("\"response_type\":\"ephemeral\"").contains("is not linked to an active person here");
        assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).isEqualTo("TRIGGERED");

        HttpResponse<String> declared = signedPost(SlackEndpoints.COMMANDS, command(stranger, "C-general", "declare Nope sev1"));
        assertThat(field(declared, "text")).contains("is not linked to an active person here");
        assertThat(declared.body()).doesNotContain("in_channel");
    }

    @Test
    void declareBySlashCommandOpensASev1WithItsChannelInvitesTheOnCallAndStatusThereAnswersFromTheIncident() throws Exception {
        ApiClient admin = new ApiClient(port);
        String declarer = member();
        person(admin, "Linus Declarer", declarer);
        String onCallMember = member();
        String onCall = person(admin, "Olga Oncall", onCallMember);
        String policyId = policy(admin, "Every SEV1 " + UUID.randomUUID(), "\"severities\": [\"SEV1\"]", "PERSON", onCall, "PT10M");
        try {
            HttpResponse<String> declared = signedPost(SlackEndpoints.COMMANDS,
                    command(declarer, "C-general", "declare DNS records missing <!channel> sev1"));
            assertThat(declared.statusCode()).isEqualTo(200);
            assertThat(field(declared, "response_type")).isEqualTo("in_channel");
            assertThat(field(declared, "text")).contains("SEV1 incident declared: *DNS records missing &lt;!channel&gt;* (SEV1)");

            JsonNode incident = admin.get("/api/v1/incidents?limit=20").body().path("items").valueStream()
                    .filter(i -> i.path("title").asString().equals("DNS records missing <!channel>")).findFirst().orElseThrow();
            String incidentId = incident.path("id").asString();
            assertThat(incident.path("severity").asString()).isEqualTo("SEV1");
            assertThat(incident.path("commander").asString()).isEqualTo("Linus Declarer");

            String name = IncidentChannelWorker.name("inc", "DNS records missing <!channel>", incidentId);
            assertThat(name).startsWith("inc-dns-records-missing-channel-");
            await().atMost(Duration.ofSeconds(15)).until(() -> !slack.calls("conversations.create", c -> name.equals(c.get("name"))).isEmpty());
            String channelId = await().atMost(Duration.ofSeconds(15)).until(
                    () -> slack.calls("conversations.setPurpose", c -> c.get("purpose").contains(incidentId)).stream()
                            .map(c -> c.get("channel")).findFirst().orElse(null), id -> id != null);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(slack.calls("pins.add", c -> channelId.equals(c.get("channel")))).hasSize(1);
                assertThat(slack.calls("conversations.invite", c -> channelId.equals(c.get("channel")))
                        .stream().map(c -> c.get("users")).toList()).contains(declarer, onCallMember);
            });
            assertThat(slack.calls("conversations.create", c -> name.equals(c.get("name")))).as("one channel").hasSize(1);

            HttpResponse<String> status = signedPost(SlackEndpoints.COMMANDS, command(declarer, channelId, "status"));
            assertThat(field(status, "text")).contains("DNS records missing &lt;!channel&gt;").contains("SEV1 · TRIGGERED")
                    .contains("commander Linus Declarer");
            assertThat(status.body()).doesNotContain("in_channel");

            HttpResponse<String> resolved = signedPost(SlackEndpoints.COMMANDS, command(declarer, channelId, "resolve Re-published the zone"));
            assertThat(field(resolved, "response_type")).isEqualTo("in_channel");
            assertThat(field(resolved, "text")).contains("Resolved *DNS records missing");
            assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).isEqualTo("RESOLVED");
        } finally {
            admin.exchange(HttpMethod.DELETE, "/api/v1/escalation-policies/" + policyId, null, Map.of());
        }
    }

    @Test
    void aPushpinOnAMessageInTheIncidentChannelAddsItToTheTimelineOnceAsItsAuthorAtItsTime() throws Exception {
        ApiClient admin = new ApiClient(port);
        String authorMember = member();
        String author = person(admin, "Ada Author", authorMember);
        String pinner = member();
        person(admin, "Pia Pinner", pinner);
        String incidentId = open(admin, "Resolver flaps", "SEV1", "pins");
        String channelId = await().atMost(Duration.ofSeconds(15)).until(
                () -> slack.calls("conversations.setPurpose", c -> c.get("purpose").contains(incidentId)).stream()
                        .map(c -> c.get("channel")).findFirst().orElse(null), id -> id != null);
        String ts = "1765012345.000200";
        slack.message(channelId, ts, authorMember, "Rolled back the resolver change <!here>");

        assertThat(signedEvent(reaction(pinner, "thumbsup", channelId, ts), null).statusCode()).isEqualTo(200);
        HttpResponse<String> pinned = signedEvent(reaction(pinner, "pushpin", channelId, ts), null);
        assertThat(pinned.statusCode()).isEqualTo(200);
        HttpResponse<String> retried = signedEvent(reaction(pinner, "pushpin", channelId, ts), "1");
        assertThat(retried.statusCode()).isEqualTo(200);
        signedEvent(reaction(authorMember, "pushpin", channelId, ts), null);

        List<JsonNode> notes = admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .filter(e -> e.path("type").asString().endsWith(".note-added.v1")).toList();
        assertThat(notes).as("once per message, however often pinned or delivered").hasSize(1);
        JsonNode note = notes.getFirst();
        assertThat(note.path("actor").asString()).isEqualTo("Ada Author (" + author + ") via Slack");
        assertThat(note.path("payload").path("text").asString()).startsWith("Rolled back the resolver change <!here>")
                .contains("added to the timeline by Pia Pinner");
        assertThat(note.path("payload").path("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(Instant.parse(note.path("occurredAt").asString())).isEqualTo(Instant.parse("2025-12-06T09:12:25.000200Z"));
        assertThat(slack.calls("chat.postMessage", c -> channelId.equals(c.get("channel")) && ts.equals(c.get("thread_ts"))))
                .singleElement().satisfies(c -> assertThat(c.get("text")).contains("Added to the timeline").contains("Ada Author"));

        String stranger = member();
        slack.message(channelId, "1765012399.000100", authorMember, "Not from a stranger");
        signedEvent(reaction(stranger, "pushpin", channelId, "1765012399.000100"), null);
        assertThat(slack.calls("chat.postEphemeral", c -> stranger.equals(c.get("user"))).getFirst().get("text"))
                .contains("is not linked to an active person here");
        assertThat(types(admin, incidentId).stream().filter(t -> t.endsWith(".note-added.v1"))).hasSize(1);

        HttpResponse<String> challenge = signedEvent("""
                {"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", null);
        assertThat(challenge.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void outsideAnIncidentChannelTheCommandAsksWhichIncidentAndHelpListsTheVerbs() throws Exception {
        ApiClient admin = new ApiClient(port);
        String member = member();
        person(admin, "Asker", member);
        String incidentId = open(admin, "Which one", "SEV3", "which");

        HttpResponse<String> asked = signedPost(SlackEndpoints.COMMANDS, command(member, "C-elsewhere", "ack"));
        assertThat(asked.body()).contains("Which incident do you want to acknowledge?").contains(incidentId)
                .contains("incident.acknowledge").contains("ephemeral");
        assertThat(field(signedPost(SlackEndpoints.COMMANDS, command(member, "C-elsewhere", "")), "text"))
                .contains("/incident declare &lt;title&gt; [sev1-sev4]");
        assertThat(field(signedPost(SlackEndpoints.COMMANDS, command(member, "C-elsewhere", "frobnicate")), "text"))
                .contains("I don't know `frobnicate`");
    }

    // ---- Slack's requests, as Slack sends them

    private String blockAction(String member, String actionId, String incidentId, String triggerId, String responseId) {
        String payload = """
                {"type":"block_actions","team":{"id":"T0TEST","domain":"example"},
                 "user":{"id":"%s","username":"someone","team_id":"T0TEST"},"api_app_id":"A0TEST","token":"legacy",
                 "container":{"type":"message","message_ts":"1765000000.000001","channel_id":"C-incidents","is_ephemeral":false},
                 "trigger_id":"%s","channel":{"id":"C-incidents","name":"incidents"},
                 "message":{"type":"message","ts":"1765000000.000001","text":"incident"},
                 "response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"incident-actions","value":"%s","type":"button",
                             "action_ts":"1765000001.000001","text":{"type":"plain_text","text":"Go"}}]}"""
                .formatted(member, triggerId, slack.responseUrl(responseId), actionId, incidentId);
        return SlackStandIn.formOf(Map.of("payload", payload));
    }

    private static String reaction(String member, String reaction, String channelId, String ts) {
        return """
                {"token":"legacy","team_id":"T0TEST","api_app_id":"A0TEST","type":"event_callback",
                 "event_id":"Ev%s","event_time":1765012400,
                 "event":{"type":"reaction_added","user":"%s","reaction":"%s","item_user":"U0AUTHOR",
                          "item":{"type":"message","channel":"%s","ts":"%s"},"event_ts":"1765012400.000100"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), member, reaction, channelId, ts);
    }

    private HttpResponse<String> signedEvent(String json, String retryNumber) throws IOException, InterruptedException {
        long now = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SlackEndpoints.EVENTS))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", SlackStandIn.signature(SlackStandIn.SIGNING_SECRET, now, json))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (retryNumber != null) {
            request.header("X-Slack-Retry-Num", retryNumber).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String viewSubmission(String member, String callbackId, String viewId, String incidentId, String values) {
        String payload = """
                {"type":"view_submission","team":{"id":"T0TEST","domain":"example"},
                 "user":{"id":"%s","username":"someone","team_id":"T0TEST"},"api_app_id":"A0TEST","token":"legacy",
                 "trigger_id":"trigger-%s",
                 "view":{"id":"%s","type":"modal","callback_id":"%s","private_metadata":"%s","hash":"1.abc",
                         "state":{"values":%s}}}"""
                .formatted(member, viewId, viewId, callbackId, incidentId, values);
        return SlackStandIn.formOf(Map.of("payload", payload));
    }

    private String command(String member, String channelId, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy");
        fields.put("team_id", "T0TEST");
        fields.put("team_domain", "example");
        fields.put("channel_id", channelId);
        fields.put("channel_name", "somewhere");
        fields.put("user_id", member);
        fields.put("user_name", "someone");
        fields.put("command", "/incident");
        fields.put("text", text);
        fields.put("api_app_id", "A0TEST");
        fields.put("response_url", slack.responseUrl("command-" + UUID.randomUUID()));
        fields.put("trigger_id", "trigger-" + UUID.randomUUID());
        return SlackStandIn.formOf(fields);
    }

    private HttpResponse<String> signedPost(String path, String body) throws IOException, InterruptedException {
        long now = Instant.now().getEpochSecond();
        return post(path, body, String.valueOf(now), SlackStandIn.signature(SlackStandIn.SIGNING_SECRET, now, body));
    }

    private HttpResponse<String> post(String path, String body, String timestamp, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> answer, String name) {
        return JSON.readTree(answer.body()).path(name).asString();
    }

    private List<String> responses(String responseId) {
        return slack.calls("response_url:" + responseId).stream().map(SlackStandIn.Call::body).toList();
    }

    // ---- the installation

    private static String member() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String person(ApiClient admin, String name, String slackMember) {
        String email = "p" + UUID.randomUUID() + "@example.com";
        var created = admin.send(HttpMethod.POST, "/api/v1/people", """
                {"name": "%s", "email": "%s", "timeZone": "Europe/Paris",
                 "contactMethods": [{"type": "SLACK", "address": "%s"}]}""".formatted(name, email, slackMember));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }

    private static String policy(ApiClient admin, String name, String covers, String targetType, String targetId, String wait) {
        var created = admin.send(HttpMethod.POST, "/api/v1/escalation-policies", """
                {"name": "%s", "rounds": 1, %s,
                 "steps": [{"targets": [{"type": "%s", "id": "%s"}], "acknowledgeWithin": "%s"}]}"""
                .formatted(name, covers, targetType, targetId, wait));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }

    private static String open(ApiClient admin, String title, String severity, String service) {
        var opened = admin.send(HttpMethod.POST, "/api/v1/incidents", """
                {"title": "%s", "severity": "%s", "services": ["%s"]}""".formatted(title, severity, service));
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("/id");
    }

    private static JsonNode escalation(ApiClient admin, String incidentId) {
        return admin.get("/api/v1/incidents/" + incidentId).body().path("escalation");
    }

    private static List<String> types(ApiClient admin, String incidentId) {
        return admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .map(e -> e.path("type").asString()).toList();
    }

    private static JsonNode event(ApiClient admin, String incidentId, String kind) {
        return admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .filter(e -> e.path("type").asString().endsWith("." + kind + ".v1")).findFirst().orElseThrow();
    }
}
