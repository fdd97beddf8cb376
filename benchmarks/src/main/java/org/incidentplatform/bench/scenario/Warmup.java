package org.incidentplatform.bench.scenario;

import java.time.Duration;
import org.incidentplatform.bench.load.AlertIds;
import org.incidentplatform.bench.load.ClosedLoopLoad;
import org.incidentplatform.bench.load.SendLog;
import org.incidentplatform.bench.peer.Peer;

/**
 * A few seconds of alerts before measuring, with ids the receiver does not count: a JVM that has
 * just started runs interpreted code, and a team's long-running system would not.
 */
final class Warmup {

    private Warmup() {
    }

    static void run(Peer peer, Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            new ClosedLoopLoad(peer, new AlertIds(), 4).run(new SendLog(200_000), duration);
        }
    }
}
