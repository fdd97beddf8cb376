package org.incidentplatform.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.incidentplatform.bench.load.AlertIds;
import org.incidentplatform.bench.load.ClosedLoopLoad;
import org.incidentplatform.bench.load.NotificationReceiver;
import org.incidentplatform.bench.load.SendLog;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.measure.Percentiles;
import org.incidentplatform.bench.peer.Peer;
import org.incidentplatform.bench.peer.PeerFactory;

/** Scenario 1: distinct alerts, one per POST, over a fixed number of connections. */
public final class IntakeScenario {

    private IntakeScenario() {
    }

    /** Figures: sent, accepted_per_s, refused, failed, response_p50_ms, response_p99_ms. */
    public static Figures run(PeerFactory factory, Path workDir, Duration duration, int connections, Warmup warmup)
            throws Exception {
        AlertIds ids = new AlertIds();
        SendLog log = new SendLog(2_000_000);
        try (NotificationReceiver receiver = new NotificationReceiver(ids, log.capacity());
                Peer peer = factory.start(receiver.url(), workDir)) {
            warmup.run(peer);
            int sent = new ClosedLoopLoad(peer, ids, connections).run(log, duration);
            long[] responses = new long[sent];
            int accepted = 0;
            for (int n = 0; n < sent; n++) {
                if (log.outcome(n) == SendLog.ACCEPTED) {
                    responses[accepted++] = log.responseNanos(n);
                }
            }
            Percentiles percentiles = new Percentiles(Arrays.copyOf(responses, accepted));
            return new Figures()
                    .put("sent", sent)
                    .put("accepted_per_s", accepted / (duration.toMillis() / 1000.0))
                    .put("refused", log.count(SendLog.REFUSED, sent))
                    .put("failed", log.count(SendLog.FAILED, sent))
                    .put("response_p50_ms", percentiles.millis(50))
                    .put("response_p99_ms", percentiles.millis(99));
        }
    }
}
