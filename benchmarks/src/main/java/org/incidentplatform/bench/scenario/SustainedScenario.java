package org.incidentplatform.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.incidentplatform.bench.load.AlertIds;
import org.incidentplatform.bench.load.FixedRateLoad;
import org.incidentplatform.bench.load.NotificationReceiver;
import org.incidentplatform.bench.load.SendLog;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.measure.ResourceSampler;
import org.incidentplatform.bench.peer.Peer;
import org.incidentplatform.bench.peer.PeerFactory;

/**
 * Scenario 2 (and 5): distinct alerts at a fixed rate; latency from each alert's due time to its
 * first notification at the receiver, and each process's CPU and memory meanwhile, also per alert
 * with the MongoDB commands and Kafka requests per alert.
 */
public final class SustainedScenario {

    private SustainedScenario() {
    }

    public static Figures run(PeerFactory factory, Path workDir, int perSecond, Duration duration, Duration drain,
            Warmup warmup) throws Exception {
        AlertIds ids = new AlertIds();
        int count = (int) (perSecond * duration.toMillis() / 1000);
        SendLog log = new SendLog(count);
        try (NotificationReceiver receiver = new NotificationReceiver(ids, count);
                Peer peer = factory.start(receiver.url(), workDir)) {
            warmup.run(peer);
            CostPerAlert cost = CostPerAlert.start(peer);
            try (StageDump stages = StageDump.start(peer)) {
                new FixedRateLoad(peer, ids).run(log, perSecond, count);
                Drain.await(log, count, receiver, drain);
            }
            Figures figures = new Figures().put("rate", perSecond).put("sent", count)
                    .put("refused", log.count(SendLog.REFUSED, count)).put("failed", log.count(SendLog.FAILED, count));
            // Per alert as in the bursts, so a rate's cost can be set beside a burst's: at a steady
            // rate every stage sees small batches, and what a batch costs regardless of its size shows here.
            Map<String, ResourceSampler.Usage> usage = cost.finish(figures, count);
            Deliveries.add(figures, log, count, receiver);
            usage.forEach((role, use) -> figures.put("cpu_pct[" + role + "]", use.cpuPercentOfOneCore())
                    .put("rss_mb[" + role + "]", use.peakRssMegabytes()));
            figures.put("cpu_pct[total]", usage.values().stream().mapToDouble(ResourceSampler.Usage::cpuPercentOfOneCore).sum())
                    .put("rss_mb[total]", usage.values().stream().mapToDouble(ResourceSampler.Usage::peakRssMegabytes).sum());
            return figures;
        }
    }
}
