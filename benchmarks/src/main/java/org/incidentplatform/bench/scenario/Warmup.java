package org.incidentplatform.bench.scenario;

import java.time.Duration;
import org.incidentplatform.bench.load.AlertIds;
import org.incidentplatform.bench.load.ClosedLoopLoad;
import org.incidentplatform.bench.load.SendLog;
import org.incidentplatform.bench.peer.Peer;
import org.incidentplatform.bench.peer.PlatformPeer;

/**
 * Alerts before measuring, with ids the receiver does not count: a JVM that has just started runs
 * interpreted code, and a team's long-running system would not.
 *
 * <p>Either for a time ({@code --warmup 5s}) or a number of alerts ({@code --warmup-alerts 3000}).
 * By count, every peer ends the warm-up holding the same alerts: a time gives the fastest peer
 * the most (Alertmanager takes about 5,000 a second, so a minute of warm-up left it holding
 * 300,000 active alerts and slowed it tenfold). The platform works off what it accepted during the
 * warm-up before measuring starts (until its processes are quiet, at most two minutes), so a
 * measurement never pays for warm-up alerts still in its queues.
 *
 * @param duration how long to send, when {@code alerts} is 0
 * @param alerts   how many to send; 0 to send for {@code duration}
 */
public record Warmup(Duration duration, int alerts) {

    private static final int CONNECTIONS = 4;

    public static Warmup forTime(Duration duration) {
        return new Warmup(duration, 0);
    }

    public static Warmup forAlerts(int alerts) {
        return new Warmup(Duration.ZERO, alerts);
    }

    boolean isZero() {
        return alerts == 0 && duration.isZero();
    }

    void run(Peer peer) throws InterruptedException {
        if (isZero()) {
            return;
        }
        if (alerts > 0) {
            new ClosedLoopLoad(peer, new AlertIds(), CONNECTIONS).run(new SendLog(alerts), Duration.ofMinutes(10));
        } else {
            new ClosedLoopLoad(peer, new AlertIds(), CONNECTIONS).run(new SendLog(200_000), duration);
        }
        if (peer instanceof PlatformPeer) {
            CostPerAlert.waitUntilQuiet(peer.processes(), System.nanoTime() + Duration.ofMinutes(2).toNanos());
        }
    }

    @Override
    public String toString() {
        return alerts > 0 ? alerts + " alerts" : duration.toSeconds() + " s";
    }
}
