package org.incidentplatform.bench.scenario;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.incidentplatform.bench.load.AlertIds;
import org.incidentplatform.bench.load.NotificationReceiver;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.measure.Percentiles;
import org.incidentplatform.bench.peer.Peer;
import org.incidentplatform.bench.peer.PeerFactory;
import org.incidentplatform.bench.peer.PlatformPeer;

/**
 * Scenario 6: a data-centre outage. {@code alerts} alerts in {@code groups} Alertmanager groups,
 * each group sent in one request as Alertmanager would (ours receives Alertmanager's webhook
 * payload for the group; Alertmanager takes the same alerts through its API and groups them by
 * the same label). Measured: time from the first send until every group has been notified, CPU
 * per alert for each process over the whole run, and (ours) MongoDB commands per alert.
 */
public final class StormScenario {

    private StormScenario() {
    }

    public static Figures run(PeerFactory factory, Path workDir, int alerts, int groups, Duration drain,
            Warmup warmup) throws Exception {
        AlertIds ids = new AlertIds();
        try (NotificationReceiver receiver = new NotificationReceiver(ids, groups);
                Peer peer = factory.start(receiver.url(), workDir)) {
            warmup.run(peer);
            if (!warmup.isZero()) {
                warmUpGroups(peer, Math.max(1, alerts / groups));
            }
            CostPerAlert cost = CostPerAlert.start(peer);
            long[] sentAt = new long[groups];
            int[] status = new int[groups];
            long start = System.nanoTime();
            HttpClient http = HttpClient.newHttpClient();
            try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
                List<Future<?>> sends = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    int group = g;
                    List<String> names = new ArrayList<>();
                    for (int a = group; a < alerts; a += groups) {
                        names.add("host-" + a);
                    }
                    sends.add(senders.submit(() -> {
                        sentAt[group] = System.nanoTime();
                        status[group] = http.send(peer.group(ids.id(group), names), HttpResponse.BodyHandlers.ofString())
                                .statusCode();
                        return null;
                    }));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + drain.toNanos();
            while (System.nanoTime() < deadline && notified(receiver, groups) < groups) {
                Thread.sleep(100);
            }
            // The platform notifies a group before its last alerts are attached (a large group is
            // fanned out after its answer): count its CPU and requests until its processes are quiet
            // again. Alertmanager's notification is the end of its work, and it does not go quiet
            // after a 5,000-alert group (it keeps well above the threshold for minutes), so it is
            // measured up to its notification as before.
            if (peer instanceof PlatformPeer) {
                CostPerAlert.waitUntilQuiet(peer.processes(), deadline);
            }
            double seconds = cost.seconds();
            long[] latencies = new long[groups];
            int notified = 0;
            long last = 0;
            for (int g = 0; g < groups; g++) {
                long at = receiver.firstNotifiedAt(g);
                if (at != 0) {
                    latencies[notified++] = at - sentAt[g];
                    last = Math.max(last, at);
                }
            }
            Percentiles percentiles = new Percentiles(Arrays.copyOf(latencies, notified));
            Figures figures = new Figures().put("alerts", alerts).put("groups", groups).put("send_s", sendSeconds)
                    .put("accepted_groups", Arrays.stream(status).filter(peer::accepted).count())
                    .put("notified_groups", notified).put("lost_groups", groups - notified)
                    .put("group_notify_p50_ms", percentiles.millis(50)).put("group_notify_p99_ms", percentiles.millis(99))
                    .put("first_to_last_s", notified == 0 ? Double.NaN : (last - start) / 1e9)
                    .put("quiet_after_s", peer instanceof PlatformPeer ? seconds : Double.NaN);
            cost.finish(figures, alerts);
            return figures;
        }
    }

    private static int notified(NotificationReceiver receiver, int groups) {
        int notified = 0;
        for (int g = 0; g < groups; g++) {
            notified += receiver.firstNotifiedAt(g) != 0 ? 1 : 0;
        }
        return notified;
    }

    /**
     * The single-alert warm-up does not run the group path (parsing thousands of alerts, storing
     * a large group); two groups of the measured size (at most 1,500 alerts), with ids the
     * receiver does not count, do; measuring starts once the peer is quiet again, or after 10 s.
     */
    private static void warmUpGroups(Peer peer, int size) throws Exception {
        AlertIds uncounted = new AlertIds();
        HttpClient http = HttpClient.newHttpClient();
        for (int g = 0; g < 2; g++) {
            List<String> names = new ArrayList<>();
            for (int a = 0; a < Math.min(size, 1_500); a++) {
                names.add("warm-" + g + "-" + a);
            }
            http.send(peer.group(uncounted.id(g), names), HttpResponse.BodyHandlers.discarding());
        }
        CostPerAlert.waitUntilQuiet(peer.processes(), System.nanoTime() + Duration.ofSeconds(10).toNanos());
    }

}
