package org.incidentplatform.bench.scenario;

import java.time.Duration;
import org.incidentplatform.bench.load.NotificationReceiver;
import org.incidentplatform.bench.load.SendLog;

/** Waiting, bounded, for every accepted alert's notification. */
final class Drain {

    private Drain() {
    }

    /** Returns once every accepted alert below {@code sent} was notified, or after {@code patience}. */
    static void await(SendLog log, int sent, NotificationReceiver receiver, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && unnotified(log, sent, receiver) > 0) {
            Thread.sleep(100);
        }
    }

    static int unnotified(SendLog log, int sent, NotificationReceiver receiver) {
        int missing = 0;
        for (int n = 0; n < sent; n++) {
            if (log.outcome(n) == SendLog.ACCEPTED && receiver.firstNotifiedAt(n) == 0) {
                missing++;
            }
        }
        return missing;
    }
}
