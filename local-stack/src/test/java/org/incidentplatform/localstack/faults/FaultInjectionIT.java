package org.incidentplatform.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.incidentplatform.localstack.LocalStackConfig;
import org.incidentplatform.localstack.faults.AlertLoad.Sent;
import org.incidentplatform.localstack.faults.InvariantCheck.IncidentResult;
import org.incidentplatform.localstack.faults.InvariantCheck.Listed;
import org.incidentplatform.localstack.faults.InvariantCheck.Projections;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8's whole-system fault-injection suite. Two instances of each service run as child JVMs
 * against a broker and a MongoDB server in this JVM, under a steady alert load that never stops,
 * while faults are injected one phase at a time: the broker stopped and started, MongoDB stopped
 * and started, a consumer of each kind killed with SIGKILL and restarted, intake and a consumer
 * restarted gracefully. Afterwards, per phase: every alert answered 202 is on exactly one
 * incident, every stored event of those incidents reached every projection, and every
 * (event, channel) was delivered exactly once. The report goes to stdout and
 * target/fault-report.md; any lost or duplicated item fails the test.
 */
class FaultInjectionIT {

    /** Plus a resolve for every other alert: about 7 requests/s on a machine of 2 shared cores. */
    private static final int ALERTS_PER_SECOND = 5;
    private static final Duration BASELINE = Duration.ofSeconds(10);
    private static final Duration BEFORE_FAULT = Duration.ofSeconds(5);
    private static final Duration FAULT_HELD = Duration.ofSeconds(10);
    private static final Duration AFTER_FAULT = Duration.ofSeconds(10);
    /** Covers notification-service's 60 s delivery lease, which a killed instance leaves behind. */
    private static final Duration DRAIN = Duration.ofSeconds(150);

    @TempDir
    Path dataDir;

    @Test
    void noAcceptedAlertEventOrNotificationIsLostOrDuplicatedUnderFaults() throws Exception {
        long started = System.nanoTime();
        LocalStackConfig config = LocalStackConfig.fromEnvironment(Map.of(
                "DATA_DIR", dataDir.toString(), "INCIDENTS_API_KEY", "fault-suite-admin-key"));
        Api api = new Api(config.apiKey());
        FaultReport report = new FaultReport();
        // Started inside the try, so that a start that fails half-way still stops what did start.
        try (WebhookReceiver receiver = new WebhookReceiver();
             Cluster cluster = new Cluster(config, dataDir, receiver.url())) {
            cluster.start();
            System.out.printf("Cluster of 8 service JVMs ready after %d s%n", secondsSince(started));
            String routingKey = createIntegration(api, cluster);
            List<Sent> sent;
            try (AlertLoad load = new AlertLoad(api, cluster.urlsOf("incident-service"), routingKey)) {
                load.start(ALERTS_PER_SECOND);
                runPhases(load, cluster);
                load.close();
                sent = load.results();
            }
            check(new InvariantCheck(api, cluster, receiver, cluster.hardKillsOf("notification-service")), sent, report);
            if (receiver.callsWithoutId() > 0) {
                report.violation(receiver.callsWithoutId() + " webhook calls without X-Incident-Delivery");
            }
        } finally {
            report.write(Path.of("target", "fault-report.md"), secondsSince(started));
            keepServiceLogs();
        }
        assertThat(report.clean()).as("invariants, see target/fault-report.md").isTrue();
    }

    /** The load runs throughout; sleeping here is the length of each phase, not waiting for a condition. */
    private static void runPhases(AlertLoad load, Cluster cluster) throws InterruptedException {
        load.phase("baseline");
        Thread.sleep(BASELINE);

        load.phase("broker stop/start");
        Thread.sleep(BEFORE_FAULT);
        cluster.stopBroker();
        Thread.sleep(FAULT_HELD);
        cluster.startBroker();
        Thread.sleep(AFTER_FAULT);

        load.phase("mongo stop/start");
        Thread.sleep(BEFORE_FAULT);
        cluster.stopMongo();
        Thread.sleep(FAULT_HELD);
        cluster.startMongo();
        Thread.sleep(AFTER_FAULT);

        load.phase("kill -9 consumers");
        Thread.sleep(BEFORE_FAULT);
        cluster.kill("notification-service-1");
        cluster.kill("timeline-service-1");
        Thread.sleep(FAULT_HELD);
        cluster.startAgain("notification-service-1", "timeline-service-1");
        Thread.sleep(AFTER_FAULT);

        // The killed consumers may still be starting: their partitions are rebalanced again when they join.
        load.phase("SIGTERM restarts");
        Thread.sleep(BEFORE_FAULT);
        Stream.of("incident-service-1", "report-service-1").parallel().forEach(cluster::stopGracefully);
        Thread.sleep(FAULT_HELD);
        cluster.startAgain("incident-service-1", "report-service-1");
        cluster.awaitAllReady();
        Thread.sleep(AFTER_FAULT);
    }

    private static void check(InvariantCheck invariants, List<Sent> sent, FaultReport report) {
        Map<String, String> phaseOfKey = new HashMap<>();
        Set<String> acceptedKeys = new HashSet<>();
        for (Sent s : sent) {
            FaultReport.Row row = report.row(s.phase());
            if (!s.trigger()) {
                row.resolvesSent++;
                row.resolvesAccepted += s.accepted() ? 1 : 0;
                continue;
            }
            phaseOfKey.put(s.dedupKey(), s.phase());
            row.triggersSent++;
            switch (s.status()) {
                case 202 -> {
                    row.accepted++;
                    acceptedKeys.add(s.dedupKey());
                }
                case 503 -> {
                    row.unavailable503++;
                    row.unavailableWithoutRetryAfter += s.retryAfter() ? 0 : 1;
                }
                case 0 -> row.noAnswer++;
                default -> {
                    row.otherStatus++;
                    report.finding("trigger " + s.dedupKey() + " answered " + s.status() + ": " + s.error());
                }
            }
        }
        Map<String, IncidentResult> results = new HashMap<>();
        AtomicReference<List<Listed>> incidents = new AtomicReference<>(List.of());
        // Consumers catch up at their own pace after the faults: re-check what is not there yet
        // (only that; what was complete stays checked) until everything is, or the bound runs out.
        long drainStarted = System.nanoTime();
        try {
            await().atMost(DRAIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(5)).until(() -> {
                incidents.set(invariants.incidents());
                Projections projections = invariants.projections();
                List<Listed> toCheck = incidents.get().stream()
                        .filter(i -> results.get(i.id()) == null || !results.get(i.id()).settled()).toList();
                results.putAll(invariants.check(toCheck, projections));
                Set<String> onIncidents = new HashSet<>();
                incidents.get().forEach(i -> onIncidents.addAll(i.dedupKeys()));
                long alertsNotOnAnIncident = acceptedKeys.stream().filter(k -> !onIncidents.contains(k)).count();
                long unsettled = results.values().stream().filter(r -> !r.settled()).count();
                System.out.printf("Draining, %d s: %d incidents, %d not caught up everywhere, %d accepted alerts on no incident%n",
                        secondsSince(drainStarted), incidents.get().size(), unsettled, alertsNotOnAnIncident);
                return alertsNotOnAnIncident == 0 && unsettled == 0;
            });
        } catch (ConditionTimeoutException notSettled) {
            report.finding("not settled after " + DRAIN.toSeconds() + " s of draining; counting what is missing now");
        }
        // A last full pass: a duplicate can arrive after an incident first looked complete.
        try {
            incidents.set(invariants.incidents());
            results.clear();
            results.putAll(invariants.check(incidents.get(), invariants.projections()));
        } catch (Exception e) {
            throw new IllegalStateException("The final check could not read the services", e);
        }
        tally(report, phaseOfKey, acceptedKeys, incidents.get(), results);
    }

    private static void tally(FaultReport report, Map<String, String> phaseOfKey, Set<String> acceptedKeys,
            List<Listed> incidents, Map<String, IncidentResult> results) {
        Map<String, List<String>> byKey = new HashMap<>();
        for (Listed incident : incidents) {
            incident.dedupKeys().forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(incident.id()));
        }
        for (String key : acceptedKeys) {
            List<String> on = byKey.getOrDefault(key, List.of());
            FaultReport.Row row = report.row(phaseOfKey.get(key));
            if (on.isEmpty()) {
                row.lostAlerts++;
                report.finding("alert " + key + " (" + phaseOfKey.get(key) + ") answered 202 but is on no incident");
            } else if (on.size() > 1) {
                row.alertsOnSeveralIncidents++;
                report.finding("alert " + key + " is on " + on.size() + " incidents: " + on);
            }
        }
        for (Listed incident : incidents) {
            // An incident belongs to the phase in which its first alert was sent.
            String phase = incident.dedupKeys().stream().map(phaseOfKey::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse("other");
            IncidentResult r = results.get(incident.id());
            FaultReport.Row row = report.row(phase);
            row.incidents++;
            row.events += r.events();
            row.timelineLost += r.timelineMissing();
            row.reportsBehind += r.reportBehind() ? 1 : 0;
            row.deliveryLogLost += r.deliveryLogMissing();
            row.deliveryLogDuplicates += r.deliveryLogDuplicates();
            row.receiverLost += r.receiverMissing();
            row.receiverDuplicates += r.receiverDuplicates();
            row.receiverResentAfterKill += r.receiverResentAfterKill();
            if (!r.settled() || r.receiverDuplicates() > 0 || r.receiverResentAfterKill() > 0
                    || r.deliveryLogDuplicates() > 0) {
                report.finding("incident " + incident.id() + " (" + phase + "): " + r);
            }
        }
    }

    /** The temporary directory goes away with the test; the service logs are what explains a finding. */
    private void keepServiceLogs() throws java.io.IOException {
        Path kept = Path.of("target", "fault-logs");
        Files.createDirectories(kept);
        if (!Files.isDirectory(dataDir.resolve("logs"))) {
            return; // Nothing started.
        }
        try (var logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String createIntegration(Api api, Cluster cluster) throws Exception {
        var created = api.post(cluster.urlsOf("incident-service").getFirst() + "/api/v1/integrations",
                "{\"name\":\"fault-suite\",\"type\":\"EVENTS_V2\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.key");
    }

    private static long secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000_000;
    }
}
