package org.incidentplatform.incident.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.pagelinks.PageLink;
import org.incidentplatform.pagelinks.PageLinks;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * An escalation through the API: the on-call is paged when the incident opens, the next step
 * follows when nobody answers, and the page's acknowledge link stops it, once.
 */
@IncidentServiceTest
class EscalationApiTest {

    @LocalServerPort
    int port;

    final PageLinks links = new PageLinks(TestCredentials.PAGE_LINK_SECRET);

    @Test
    void anUnansweredIncidentPagesTheOnCallThenTheNextStepThenStops() {
        Setup setup = setup("PT2S");
        ApiClient admin = new ApiClient(port);
        String incidentId = open(admin, setup.service());

        JsonNode first = awaitPages(admin, incidentId, 1);
        assertThat(first.path("pages").get(0).path("personId").asString()).isEqualTo(setup.ada());
        assertThat(first.path("pages").get(0).path("reason").asString()).startsWith("on call for Primary ");
        assertThat(first.path("policyName").asString()).isEqualTo(setup.policyName());
        Instant firstPaged = Instant.parse(first.path("pages").get(0).path("pagedAt").asString());

        JsonNode second = awaitPages(admin, incidentId, 2);
        assertThat(second.path("pages").get(1).path("personId").asString()).isEqualTo(setup.grace());
        assertThat(second.path("pages").get(1).path("step").asInt()).isEqualTo(2);
        Instant secondPaged = Instant.parse(second.path("pages").get(1).path("pagedAt").asString());
        assertThat(Duration.between(firstPaged, secondPaged)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));

        await().atMost(Duration.ofSeconds(10)).until(() -> "EXHAUSTED".equals(escalation(admin, incidentId).path("state").asString()));
        assertThat(escalation(admin, incidentId).path("pages")).as("each step paged once").hasSize(2);
        List<String> types = events(admin, incidentId);
        assertThat(types.stream().filter(t -> t.endsWith("person-paged.v1"))).hasSize(2);
        assertThat(types.stream().filter(t -> t.endsWith("escalation-step-reached.v1"))).hasSize(2);
        assertThat(types.getLast()).endsWith("escalation-stopped.v1");
    }

    @Test
    void thePagesAcknowledgeLinkAcknowledgesAsThePersonOnceAndStopsTheEscalation() {
        Setup setup = setup("PT3S");
        ApiClient admin = new ApiClient(port);
        ApiClient browser = new ApiClient(port, null);
        String incidentId = open(admin, setup.service());
        JsonNode page = awaitPages(admin, incidentId, 1).path("pages").get(0);
        String token = links.sign(new PageLink(page.path("pageId").asString(), incidentId, setup.ada(),
                Instant.now().plus(Duration.ofHours(1))));
        String path = "/api/v1/pages/" + token + "/acknowledge";

        var confirm = browser.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body().asString()).contains("<form method=\"post\">");
        assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).as("opening the link changes nothing")
                .isEqualTo("TRIGGERED");

        var acknowledged = browser.send(HttpMethod.POST, path, null);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body().asString()).contains("acknowledged by Ada Pager");
        var again = browser.send(HttpMethod.POST, path, null);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body().asString()).contains("This link was used at");

        assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).isEqualTo("ACKNOWLEDGED");
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACKNOWLEDGED".equals(escalation(admin, incidentId).path("state").asString()));
        var history = admin.get("/api/v1/incidents/" + incidentId + "/events").body();
        assertThat(history.toString()).contains("Ada Pager (" + setup.ada() + ") via page link");
        // The second step was due 3 s after the first: it must not come.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> escalation(admin, incidentId).path("pages").size() == 1);
    }

    @Test
    void anExpiredOrForgedLinkAcknowledgesNothing() {
        Setup setup = setup("PT30S");
        ApiClient admin = new ApiClient(port);
        ApiClient browser = new ApiClient(port, null);
        String incidentId = open(admin, setup.service());
        String pageId = awaitPages(admin, incidentId, 1).path("pages").get(0).path("pageId").asString();

        String expired = links.sign(new PageLink(pageId, incidentId, setup.ada(), Instant.now().minusSeconds(1)));
        var late = browser.send(HttpMethod.POST, "/api/v1/pages/" + expired + "/acknowledge", null);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body().asString()).contains("expired");

        String forged = new PageLinks("another-secret-of-at-least-32-characters-x").sign(
                new PageLink(pageId, incidentId, setup.ada(), Instant.now().plusSeconds(3600)));
        var refused = browser.send(HttpMethod.POST, "/api/v1/pages/" + forged + "/acknowledge", null);
        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused.body().asString()).contains("not one we sent");
        assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).isEqualTo("TRIGGERED");

        assertThat(admin.send(HttpMethod.POST, "/api/v1/incidents/" + incidentId + "/acknowledge", "{}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACKNOWLEDGED".equals(escalation(admin, incidentId).path("state").asString()));
    }

    @Test
    void aTeamsCardsLinkAcknowledgesOnceASecondUseSaysSoAndAnExpiredOneSaysItExpired() {
        ApiClient admin = new ApiClient(port);
        ApiClient browser = new ApiClient(port, null);
        String incidentId = open(admin, "no-policy-" + UUID.randomUUID());
        String linkId = "card-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String expired = links.sign(new PageLink(linkId, incidentId, "teams-card", Instant.now().minusSeconds(1)));
        var late = browser.send(HttpMethod.POST, "/api/v1/pages/" + expired + "/acknowledge", null);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body().asString()).contains("This link expired at");

        String token = links.sign(new PageLink(linkId, incidentId, "teams-card", Instant.now().plusSeconds(3600)));
        var first = browser.send(HttpMethod.POST, "/api/v1/pages/" + token + "/acknowledge", null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().asString()).contains("is acknowledged by someone with the teams-card link");
        var second = browser.send(HttpMethod.POST, "/api/v1/pages/" + token + "/acknowledge", null);
        assertThat(second.status()).isEqualTo(410);
        assertThat(second.body().asString()).contains("This link was used at").contains("(acknowledged)");
        assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).isEqualTo("ACKNOWLEDGED");
        assertThat(admin.get("/api/v1/incidents/" + incidentId + "/events").body().toString()).contains("via teams-card link");
    }

    @Test
    void aPersonPagedByHandIsPagedAsStepZeroOnlyWhileTheIncidentIsOpenAndATargetThatReachesNobodyIsRefused() {
        ApiClient admin = new ApiClient(port);
        String incidentId = open(admin, "no-policy-" + UUID.randomUUID());
        String ada = person(admin, "Ada Byhand");

        var paged = admin.send(HttpMethod.POST, "/api/v1/incidents/" + incidentId + "/pages",
                "{\"type\": \"PERSON\", \"id\": \"" + ada + "\"}");
        assertThat(paged.status()).as(paged.body().toString()).isEqualTo(200);
        assertThat(paged.body().path("paged").get(0).asString()).isEqualTo("Ada Byhand");
        JsonNode page = admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .filter(e -> e.path("type").asString().endsWith(".person-paged.v1")).findFirst().orElseThrow();
        assertThat(page.path("payload").path("personId").asString()).isEqualTo(ada);
        assertThat(page.path("payload").path("reason").asString()).isEqualTo("paged by hand");
        assertThat(page.path("payload").path("step").asInt()).isZero();

        var nobody = admin.send(HttpMethod.POST, "/api/v1/incidents/" + incidentId + "/pages",
                "{\"type\": \"PERSON\", \"id\": \"per-nobody\"}");
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.text("/detail")).startsWith("Nobody was paged: per-nobody");
        assertThat(admin.send(HttpMethod.POST, "/api/v1/incidents/" + incidentId + "/pages",
                "{\"type\": \"ROBOT\", \"id\": \"x\"}").status()).isEqualTo(400);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/incidents/inc-missing/pages",
                "{\"type\": \"PERSON\", \"id\": \"" + ada + "\"}").status()).isEqualTo(404);

        assertThat(admin.send(HttpMethod.POST, "/api/v1/incidents/" + incidentId + "/resolve",
                "{\"resolution\": \"done\"}").status()).isEqualTo(200);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/incidents/" + incidentId + "/pages",
                "{\"type\": \"PERSON\", \"id\": \"" + ada + "\"}").status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .filter(e -> e.path("type").asString().endsWith(".person-paged.v1"))).hasSize(1);
    }

    @Test
    void aCardsResolveLinkAsksWhatFixedItResolvesOnceAndCannotBeAnAcknowledgeLinkOrTheOtherWayRound() throws Exception {
        ApiClient admin = new ApiClient(port);
        String incidentId = open(admin, "no-policy-" + UUID.randomUUID());
        String linkId = "card-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Instant later = Instant.now().plusSeconds(3600);
        String resolve = links.sign(new PageLink(linkId, incidentId, "teams-card", later, PageLink.Action.RESOLVE));
        String acknowledge = links.sign(new PageLink(linkId + "a", incidentId, "teams-card", later));

        var form = form("GET", resolve, "resolve", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<textarea id=\"resolution\" name=\"resolution\"").contains("Resolve incident " + incidentId);
        assertThat(form("POST", acknowledge, "resolve", "resolution=nope").body()).contains("is for acknowledging");
        assertThat(form("POST", resolve, "acknowledge", "").body()).contains("is for resolving");
        var blank = form("POST", resolve, "resolve", "resolution=+");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/incidents/" + incidentId).text("/status")).isEqualTo("TRIGGERED");

        var first = form("POST", resolve, "resolve", "resolution=" + java.net.URLEncoder.encode(
                "Rolled back <b>the</b> deploy", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("is resolved: Rolled back &lt;b&gt;the&lt;/b&gt; deploy");
        var second = form("POST", resolve, "resolve", "resolution=again");
        assertThat(second.statusCode()).isEqualTo(410);
        assertThat(second.body()).contains("This link was used at").contains("(resolved)");
        JsonNode incident = admin.get("/api/v1/incidents/" + incidentId).body();
        assertThat(incident.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .filter(e -> e.path("type").asString().endsWith(".resolved.v1")).toList()).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("actor").asString()).isEqualTo("via teams-card link");
                    assertThat(e.path("payload").path("resolution").asString()).isEqualTo("Rolled back <b>the</b> deploy");
                });

        String another = links.sign(new PageLink(linkId + "b", incidentId, "e-mail", later, PageLink.Action.RESOLVE));
        var late = form("POST", another, "resolve", "resolution=too+late");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("is already resolved");
    }

    private java.net.http.HttpResponse<String> form(String method, String token, String action, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/pages/" + token + "/" + action));
        if (body != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPolicyNamingAnUnknownTargetIsRefused() {
        ApiClient admin = new ApiClient(port);
        var refused = admin.send(HttpMethod.POST, "/api/v1/escalation-policies", """
                {"name": "bad-%s", "rounds": 1, "steps": [{"targets": [{"type": "SCHEDULE", "id": "sch-nothing"}],
                 "acknowledgeWithin": "PT5M"}]}""".formatted(UUID.randomUUID()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/detail")).contains("steps[0].targets[0]").contains("sch-nothing");
        var tooFast = admin.send(HttpMethod.POST, "/api/v1/escalation-policies", """
                {"name": "fast-%s", "rounds": 1, "steps": [{"targets": [{"type": "PERSON", "id": "%s"}],
                 "acknowledgeWithin": "PT0.5S"}]}""".formatted(UUID.randomUUID(), person(admin, "Quick")));
        assertThat(tooFast.status()).isEqualTo(400);
    }

    record Setup(String service, String ada, String grace, String policyName) {
    }

    /** Ada is always on call for a fresh schedule; step 2 pages Grace; the policy covers one fresh service. */
    private Setup setup(String acknowledgeWithin) {
        ApiClient admin = new ApiClient(port);
        String ada = person(admin, "Ada Pager");
        String grace = person(admin, "Grace Pager");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String schedule = admin.send(HttpMethod.POST, "/api/v1/schedules", """
                {"name": "Primary %s", "layers": [{"name": "primary", "zone": "Europe/Paris",
                 "firstHandoff": "2026-01-05T09:00", "shiftLength": "P1W", "participants": ["%s"]}]}"""
                .formatted(suffix, ada)).text("/id");
        String service = "escalation-test-" + suffix;
        String policyName = "Database " + suffix;
        var policy = admin.send(HttpMethod.POST, "/api/v1/escalation-policies", """
                {"name": "%s", "rounds": 1, "services": ["%s"],
                 "steps": [{"targets": [{"type": "SCHEDULE", "id": "%s"}], "acknowledgeWithin": "%s"},
                           {"targets": [{"type": "PERSON", "id": "%s"}], "acknowledgeWithin": "%s"}]}"""
                .formatted(policyName, service, schedule, acknowledgeWithin, grace, acknowledgeWithin));
        assertThat(policy.status()).as(policy.body().toString()).isEqualTo(201);
        return new Setup(service, ada, grace, policyName);
    }

    private static String person(ApiClient admin, String name) {
        String email = "p" + UUID.randomUUID() + "@example.com";
        var created = admin.send(HttpMethod.POST, "/api/v1/people", """
                {"name": "%s", "email": "%s", "timeZone": "Europe/Paris",
                 "contactMethods": [{"type": "EMAIL", "address": "%s"}, {"type": "SMS", "address": "+33612345678"}],
                 "notificationRules": [{"type": "EMAIL", "afterMinutes": 0}, {"type": "SMS", "afterMinutes": 0}]}"""
                .formatted(name, email, email));
        assertThat(created.status()).isEqualTo(201);
        return created.text("/id");
    }

    private static String open(ApiClient admin, String service) {
        var opened = admin.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\": \"Database down\", \"severity\": \"SEV2\", \"services\": [\"" + service + "\"]}");
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("/id");
    }

    private JsonNode awaitPages(ApiClient admin, String incidentId, int pages) {
        await().atMost(Duration.ofSeconds(10)).until(() -> escalation(admin, incidentId).path("pages").size() >= pages);
        return escalation(admin, incidentId);
    }

    private static JsonNode escalation(ApiClient admin, String incidentId) {
        return admin.get("/api/v1/incidents/" + incidentId).body().path("escalation");
    }

    private static List<String> events(ApiClient admin, String incidentId) {
        return admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .map(e -> e.path("type").asString()).toList();
    }
}
