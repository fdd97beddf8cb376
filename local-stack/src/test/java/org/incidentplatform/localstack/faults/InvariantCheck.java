package org.incidentplatform.localstack.faults;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads what each service shows through its API and compares it with what intake accepted:
 * which incidents carry which alerts, and for every stored event of those incidents whether the
 * timeline has an entry for it, whether the post-mortem has caught up with the incident, and
 * whether every (event, channel) was delivered once in the delivery log and once at the receiver.
 *
 * <p>The in-process MongoDB server ignores secondary indexes, so a per-incident query on a
 * projection scans the whole collection. The timeline and the delivery log are therefore read
 * once per pass through their paged, service-wide listings; only the event history and the
 * post-mortem (both looked up by id) are read per incident.
 */
final class InvariantCheck {

    /** The notification channels configured in the suite, and so expected for every routed event. */
    static final List<String> CHANNELS = List.of("webhook", "log");

    /**
     * Event types the suite's default routing rule (no {@code eventTypes}) does not send: one
     * message per attached or resolved alert is what a storm must not produce. Expected zero
     * times on every channel, so a delivery of one counts as a duplicate.
     */
    static final Set<String> NOT_ROUTED = Set.of(
            "org.incidentplatform.incident.alert-attached.v1", "org.incidentplatform.incident.alert-resolved.v1");

    /** One incident as incident-service lists it. */
    record Listed(String id, String status, Set<String> dedupKeys) {
    }

    /** What the consumers show, service-wide, at one moment. */
    record Projections(Set<String> timelineEventIds, Map<String, Integer> deliveredByEventAndChannel) {
    }

    /**
     * One incident as every service sees it. "Missing" can still shrink while consumers catch up;
     * duplicates cannot. {@code receiverResentAfterKill} are calls made again, with the same
     * delivery id, because the instance that made the first one was killed with SIGKILL right after
     * it (before it could record the outcome): the documented at-least-once edge of webhooks,
     * reported and not counted as duplicates. Any other second call is a duplicate.
     */
    record IncidentResult(String incidentId, int events, int timelineMissing, boolean reportBehind,
            int deliveryLogMissing, int deliveryLogDuplicates, int receiverMissing, int receiverDuplicates,
            int receiverResentAfterKill, List<String> notes) {

        boolean settled() {
            return timelineMissing == 0 && !reportBehind && deliveryLogMissing == 0 && receiverMissing == 0;
        }
    }

    /** How long before a SIGKILL a first call can have been made and its outcome not yet recorded. */
    private static final Duration IN_FLIGHT_AT_KILL = Duration.ofSeconds(5);

    private final Api api;
    private final Cluster cluster;
    private final WebhookReceiver receiver;
    private final List<Instant> notificationKills;

    InvariantCheck(Api api, Cluster cluster, WebhookReceiver receiver, List<Instant> notificationKills) {
        this.api = api;
        this.cluster = cluster;
        this.receiver = receiver;
        this.notificationKills = List.copyOf(notificationKills);
    }

    /** Every incident incident-service lists, with its status and the dedup keys of its alerts. */
    List<Listed> incidents() throws Exception {
        List<Listed> incidents = new ArrayList<>();
        readAllPages(cluster.anyUrlOf("incident-service") + "/api/v1/incidents?limit=100", "items", item -> {
            List<String> keys = JsonPath.read(item, "$.alerts[*].dedupKey");
            incidents.add(new Listed((String) item.get("id"), (String) item.get("status"), new HashSet<>(keys)));
        });
        return incidents;
    }

    Projections projections() throws Exception {
        Set<String> onTimeline = new HashSet<>();
        readAllPages(cluster.anyUrlOf("timeline-service") + "/api/v1/activity?limit=100", "entries",
                entry -> onTimeline.add((String) entry.get("eventId")));
        Map<String, Integer> delivered = new HashMap<>();
        readAllPages(cluster.anyUrlOf("notification-service") + "/api/v1/deliveries?limit=200", "deliveries", d -> {
            if ("DELIVERED".equals(d.get("status"))) {
                delivered.merge(d.get("eventId") + ":" + d.get("channel"), 1, Integer::sum);
            }
        });
        return new Projections(onTimeline, delivered);
    }

    /** Checks the incidents in parallel (a few threads: the services share two cores with everything else). */
    Map<String, IncidentResult> check(List<Listed> incidents, Projections projections) throws Exception {
        Map<String, IncidentResult> results = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<IncidentResult>> futures = new ArrayList<>();
            for (Listed incident : incidents) {
                futures.add(pool.submit(() -> check(incident, projections)));
            }
            for (Future<IncidentResult> future : futures) {
                IncidentResult result = future.get();
                results.put(result.incidentId(), result);
            }
        }
        return results;
    }

    private IncidentResult check(Listed incident, Projections projections) throws Exception {
        List<String> notes = new ArrayList<>();
        String incidentUrl = cluster.anyUrlOf("incident-service") + "/api/v1/incidents/" + incident.id();
        String history = expectOk(incidentUrl, api.get(incidentUrl + "/events"));
        List<String> eventIds = JsonPath.read(history, "$.events[*].eventId");
        List<String> types = JsonPath.read(history, "$.events[*].type");
        List<Number> sequences = JsonPath.read(history, "$.events[*].sequence");
        long version = sequences.stream().mapToLong(Number::longValue).max().orElse(-1);
        int timelineMissing = (int) eventIds.stream().filter(id -> !projections.timelineEventIds().contains(id)).count();

        // The post-mortem is a fold of the incident's events: it has every one of them when it
        // reflects the incident's version (Incident-Version) with no sequence gap (complete).
        String reportUrl = cluster.anyUrlOf("report-service") + "/api/v1/incidents/" + incident.id() + "/postmortem";
        var report = api.get(reportUrl);
        String reportVersion = report.headers().firstValue("Incident-Version").orElse("none");
        boolean reportBehind = report.statusCode() != 200
                || !Long.toString(version).equals(reportVersion)
                || !Boolean.TRUE.equals(JsonPath.read(report.body(), "$.complete"));
        notes.add(report.statusCode() == 200 ? "report at version " + reportVersion + " complete="
                + JsonPath.read(report.body(), "$.complete") + ", incident at version " + version
                : "report answered " + report.statusCode());

        int logMissing = 0;
        int logDuplicates = 0;
        int receiverMissing = 0;
        int receiverDuplicates = 0;
        int receiverResent = 0;
        for (int i = 0; i < eventIds.size(); i++) {
            String eventId = eventIds.get(i);
            int expected = NOT_ROUTED.contains(types.get(i)) ? 0 : 1;
            for (String channel : CHANNELS) {
                int count = projections.deliveredByEventAndChannel().getOrDefault(eventId + ":" + channel, 0);
                logMissing += count < expected ? 1 : 0;
                logDuplicates += Math.max(0, count - expected);
            }
            List<Instant> calls = receiver.callsFor(eventId + ":webhook:default");
            receiverMissing += calls.size() < expected ? 1 : 0;
            for (Instant again : calls.subList(Math.min(expected, calls.size()), calls.size())) {
                if (resentAfterKill(calls.getFirst(), again)) {
                    receiverResent++;
                } else {
                    receiverDuplicates++;
                }
            }
        }
        return new IncidentResult(incident.id(), eventIds.size(), timelineMissing, reportBehind, logMissing,
                logDuplicates, receiverMissing, receiverDuplicates, receiverResent, notes);
    }

    /** A second call excused by a SIGKILL that came after the first call, and soon enough after it. */
    private boolean resentAfterKill(Instant first, Instant again) {
        return notificationKills.stream().anyMatch(kill -> !first.isAfter(kill) && again.isAfter(kill)
                && Duration.between(first, kill).compareTo(IN_FLIGHT_AT_KILL) <= 0);
    }

    private void readAllPages(String firstPage, String listField, Consumer<Map<String, Object>> each) throws Exception {
        String cursor = null;
        do {
            String url = firstPage + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            String body = expectOk(url, api.get(url));
            List<Map<String, Object>> items = JsonPath.read(body, "$." + listField);
            items.forEach(each);
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
    }

    private static String expectOk(String url, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
