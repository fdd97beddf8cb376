package org.incidentplatform.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import org.incidentplatform.bench.load.AlertIds;
import org.incidentplatform.bench.load.ClosedLoopLoad;
import org.incidentplatform.bench.load.NotificationReceiver;
import org.incidentplatform.bench.load.SendLog;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.peer.Peer;
import org.incidentplatform.bench.peer.PeerFactory;
import org.incidentplatform.bench.peer.PlatformPeer;

/** Scenario 3: a burst of distinct alerts as fast as the peer takes them; time until all are notified. */
public final class BurstScenario {

    private BurstScenario() {
    }

    public static Figures run(PeerFactory factory, Path workDir, int count, int connections, Duration drain,
            Warmup warmup) throws Exception {
        AlertIds ids = new AlertIds();
        SendLog log = new SendLog(count);
        try (NotificationReceiver receiver = new NotificationReceiver(ids, count);
                Peer peer = factory.start(receiver.url(), workDir)) {
            warmup.run(peer);
            CostPerAlert cost = CostPerAlert.start(peer);
            long start = System.nanoTime();
            int sent = new ClosedLoopLoad(peer, ids, connections).run(log, Duration.ofHours(1));
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            Drain.await(log, sent, receiver, drain);
            // Counted until the last notification (the answer): the platform's remaining work
            // (delivery receipts on the timeline) is counted too, until it is quiet, at most 30 s.
            if (peer instanceof PlatformPeer) {
                CostPerAlert.waitUntilQuiet(peer.processes(), System.nanoTime() + Duration.ofSeconds(30).toNanos());
            }
            Figures figures = new Figures().put("alerts", sent).put("send_s", sendSeconds)
                    .put("refused", log.count(SendLog.REFUSED, sent)).put("failed", log.count(SendLog.FAILED, sent));
            Deliveries.add(figures, log, sent, receiver);
            cost.finish(figures, Math.max(1, sent));
            // first_to_last_s is the answer: from the first alert sent to the last one notified.
            return figures;
        }
    }
}
