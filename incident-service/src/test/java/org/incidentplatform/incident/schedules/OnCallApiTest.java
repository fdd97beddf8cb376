package org.incidentplatform.incident.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** People, teams and schedules through the API, as an admin and a calendar app would use them. */
@IncidentServiceTest
class OnCallApiTest {

    @LocalServerPort
    int port;

    @Test
    void aScheduleAnswersWhoIsOnCallAndAnOverrideChangesOnlyWhatComesAfterIt() throws Exception {
        ApiClient admin = new ApiClient(port);
        String ada = person(admin, "Ada Lovelace");
        String grace = person(admin, "Grace Hopper");
        String linus = person(admin, "Linus Torvalds");
        Instant created = Instant.now();
        var schedule = admin.send(HttpMethod.POST, "/api/v1/schedules", """
                {"name": "Database primary", "layers": [{"name": "primary", "zone": "Europe/Paris",
                 "firstHandoff": "2026-01-05T09:00", "shiftLength": "P1W", "participants": ["%s", "%s"]}]}"""
                .formatted(ada, grace));
        assertThat(schedule.status()).isEqualTo(201);
        assertThat(schedule.header("ETag")).isEqualTo("\"1\"");
        String id = schedule.text("/id");
        Instant effectiveFrom = Instant.parse(admin.get("/api/v1/schedules/" + id).text("/effectiveFrom"));
        // An instant strictly between the creation and the override below.
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(effectiveFrom.plusMillis(20)));

        Instant past = effectiveFrom.plusMillis(10);
        var before = admin.get("/api/v1/schedules/" + id + "/on-call?at=" + past);
        assertThat(before.status()).isEqualTo(200);
        String onCallThen = before.text("/onCall/0/id");
        assertThat(onCallThen).isIn(ada, grace);
        assertThat(before.text("/onCall/0/name")).isIn("Ada Lovelace", "Grace Hopper");
        assertThat(before.text("/source")).isEqualTo("layer primary");
        assertThat(Instant.parse(before.text("/shiftEnd"))).isAfter(past);

        var override = admin.send(HttpMethod.POST, "/api/v1/schedules/" + id + "/overrides", """
                {"personId": "%s", "start": "%s", "end": "%s", "reason": "swap"}"""
                .formatted(linus, created.minus(1, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS)));
        assertThat(override.status()).isEqualTo(201);
        assertThat(override.text("/version")).isEqualTo("2");

        assertThat(admin.get("/api/v1/schedules/" + id + "/on-call?at=" + past).text("/onCall/0/id"))
                .as("the past is answered from the version in force then").isEqualTo(onCallThen);
        var now = admin.get("/api/v1/schedules/" + id + "/on-call");
        assertThat(now.text("/onCall/0/id")).isEqualTo(linus);
        assertThat(now.text("/source")).startsWith("override ovr-");
        assertThat(admin.get("/api/v1/schedules/" + id + "/on-call?at=" + created.minus(1, ChronoUnit.HOURS))
                .body().path("onCall").size()).as("before the schedule existed").isZero();

        var versions = admin.get("/api/v1/schedules/" + id + "/versions");
        assertThat(versions.body().path("versions")).hasSize(2);
        assertThat(versions.text("/versions/0/change")).startsWith("override ovr-").endsWith("added for " + linus);
        assertThat(versions.text("/versions/0/actor")).isNotBlank();

        var shifts = admin.get("/api/v1/schedules/" + id + "/shifts?from=" + Instant.now().minus(2, ChronoUnit.DAYS)
                + "&to=" + Instant.now().plus(20, ChronoUnit.DAYS));
        assertThat(shifts.status()).isEqualTo(200);
        assertThat(shifts.body().path("shifts").valueStream().map(s -> s.path("person").path("id").asString()))
                .contains(linus, ada, grace);
    }

    @Test
    void aStaleEditIsRefusedAndUnknownPeopleAreNotScheduled() {
        ApiClient admin = new ApiClient(port);
        String ada = person(admin, "Ada Stale");
        String body = """
                {"name": "Stale", "layers": [{"name": "l", "zone": "America/Los_Angeles", "firstHandoff": "2026-03-01T08:00",
                 "shiftLength": "PT12H", "participants": ["%s"]}]}""";
        String id = admin.send(HttpMethod.POST, "/api/v1/schedules", body.formatted(ada)).text("/id");
        assertThat(admin.exchange(HttpMethod.PUT, "/api/v1/schedules/" + id, body.formatted(ada), Map.of("If-Match", "\"1\""))
                .status()).isEqualTo(200);
        var stale = admin.exchange(HttpMethod.PUT, "/api/v1/schedules/" + id, body.formatted(ada), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);

        var unknown = admin.send(HttpMethod.PUT, "/api/v1/schedules/" + id, body.formatted("per-nobody"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/detail")).contains("per-nobody");
        var badZone = admin.send(HttpMethod.POST, "/api/v1/schedules", body.formatted(ada).replace("America/Los_Angeles", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.text("/detail")).contains("zone");
        assertThat(admin.get("/api/v1/schedules/" + id).text("/version")).isEqualTo("2");

        assertThat(admin.send(HttpMethod.DELETE, "/api/v1/schedules/" + id, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/schedules/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/schedules/" + id + "/on-call").body().path("onCall").size()).isZero();
    }

    @Test
    void peopleAreValidatedVersionedDeactivatedAndEveryChangeIsLoggedWithItsActor() {
        ApiClient admin = new ApiClient(port);
        String email = "p" + UUID.randomUUID() + "@example.com";
        var created = admin.send(HttpMethod.POST, "/api/v1/people", personBody("Barbara Liskov", email));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(admin.send(HttpMethod.POST, "/api/v1/people", personBody("Someone Else", email)).status())
                .as("e-mail addresses are unique").isEqualTo(409);

        var badPhone = admin.send(HttpMethod.POST, "/api/v1/people", personBody("Bad Phone", "x" + email)
                .replace("+33612345678", "0612345678"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.text("/detail")).contains("contactMethods[1].address").contains("E.164");
        var ruleWithoutMethod = admin.send(HttpMethod.POST, "/api/v1/people", personBody("No Voice", "y" + email)
                .replace("\"afterMinutes\": 2}", "\"afterMinutes\": 2}, {\"type\": \"VOICE\", \"afterMinutes\": 5}"));
        assertThat(ruleWithoutMethod.status()).isEqualTo(400);

        var renamed = admin.exchange(HttpMethod.PUT, "/api/v1/people/" + id, personBody("Barbara J. Liskov", email),
                Map.of("If-Match", "\"1\""));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(admin.exchange(HttpMethod.PUT, "/api/v1/people/" + id, personBody("Lost update", email),
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/people/" + id + "/deactivate", null).text("/active")).isEqualTo("false");

        var changes = admin.get("/api/v1/people/" + id + "/changes").body().path("changes");
        assertThat(changes.valueStream().map(c -> c.path("action").asString()))
                .containsExactly("DEACTIVATED", "UPDATED", "CREATED");
        assertThat(changes.get(1).path("before").path("name").asString()).isEqualTo("Barbara Liskov");
        assertThat(changes.get(1).path("after").path("name").asString()).isEqualTo("Barbara J. Liskov");
        assertThat(changes.get(0).path("actor").asString()).isNotBlank();

        var team = admin.send(HttpMethod.POST, "/api/v1/teams",
                "{\"name\": \"team-" + UUID.randomUUID() + "\", \"memberIds\": [\"" + id + "\", \"" + id + "\"]}");
        assertThat(team.status()).isEqualTo(201);
        assertThat(team.body().path("memberIds")).hasSize(1);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/teams", "{\"name\": \"ghosts\", \"memberIds\": [\"per-ghost\"]}")
                .status()).isEqualTo(400);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/schedules", """
                {"name": "x", "layers": [{"name": "l", "zone": "UTC", "firstHandoff": "2026-03-01T08:00",
                 "shiftLength": "P1D", "participants": ["%s"]}]}""".formatted(id)).status())
                .as("a deactivated person cannot be scheduled").isEqualTo(400);
    }

    @Test
    void calendarFeedsNeedNoKeyButTheirUnguessableAddress() {
        ApiClient admin = new ApiClient(port);
        String ada = person(admin, "Ada, Countess; of \\ Lovelace");
        var schedule = admin.send(HttpMethod.POST, "/api/v1/schedules", """
                {"name": "Feed", "layers": [{"name": "primary", "zone": "Europe/Paris", "firstHandoff": "2026-01-05T09:00",
                 "shiftLength": "P1D", "participants": ["%s"]}]}""".formatted(ada));
        ApiClient calendarApp = new ApiClient(port, null);

        var feed = calendarApp.get(schedule.text("/calendarPath"));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        String ics = feed.body().asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("BEGIN:VEVENT")
                .contains("SUMMARY:Ada\\, Countess\\; of \\\\ Lovelace on call: Feed");
        assertThat(ics.lines()).allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);

        var personFeed = calendarApp.get(admin.get("/api/v1/people/" + ada).text("/calendarPath"));
        assertThat(personFeed.status()).isEqualTo(200);
        assertThat(personFeed.body().asString()).contains("SUMMARY:On call: Feed");

        var unknown = calendarApp.get("/api/v1/calendars/cal_" + "0".repeat(40) + ".ics");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(calendarApp.get("/api/v1/schedules/" + schedule.text("/id")).status()).isEqualTo(401);
    }

    @Test
    void onlyOncallAdminsChangeWhoGetsWokenUpWhileReadersCanSeeIt() {
        ApiClient admin = new ApiClient(port);
        String reader = admin.send(HttpMethod.POST, "/api/v1/api-keys",
                "{\"name\":\"reader-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"scopes\":[\"incidents:read\"]}").text("/key");
        String writer = admin.send(HttpMethod.POST, "/api/v1/api-keys",
                "{\"name\":\"writer-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"scopes\":[\"incidents:write\"]}").text("/key");
        String oncall = admin.send(HttpMethod.POST, "/api/v1/api-keys",
                "{\"name\":\"oncall-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"scopes\":[\"oncall:admin\"]}").text("/key");
        String body = personBody("Scoped Person", "s" + UUID.randomUUID() + "@example.com");

        assertThat(new ApiClient(port, writer).send(HttpMethod.POST, "/api/v1/people", body).status()).isEqualTo(403);
        var created = new ApiClient(port, oncall).send(HttpMethod.POST, "/api/v1/people", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(new ApiClient(port, reader).get("/api/v1/people/" + created.text("/id")).status()).isEqualTo(200);
        assertThat(new ApiClient(port, reader).get("/api/v1/people").body().path("people").size()).isPositive();
    }

    static String person(ApiClient admin, String name) {
        var created = admin.send(HttpMethod.POST, "/api/v1/people",
                personBody(name, "p" + UUID.randomUUID() + "@example.com"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }

    static String personBody(String name, String email) {
        return """
                {"name": %s, "email": "%s", "timeZone": "Europe/Paris",
                 "contactMethods": [{"type": "EMAIL", "address": "%s"}, {"type": "SMS", "address": "+33612345678"},
                                    {"type": "SLACK", "address": "U024BE7LH"}],
                 "notificationRules": [{"type": "EMAIL", "afterMinutes": 0}, {"type": "SMS", "afterMinutes": 2}]}"""
                .formatted(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(name), email, email);
    }
}
