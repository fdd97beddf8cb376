package org.incidentplatform.bench.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.incidentplatform.bench.load.NotificationReceiver;
import org.incidentplatform.bench.load.SendLog;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.measure.Percentiles;

/** What the receiver saw for the alerts of one load: latency, losses and duplicates. */
final class Deliveries {

    private Deliveries() {
    }

    /**
     * Adds: accepted, notified, lost (accepted, never notified), unaccepted_notified (refused or
     * failed yet notified: not an error, a retry-free sender simply saw an error), duplicated (alerts
     * announced more than once), messages_per_alert (ours also posts the alert's attachment as an
     * update, sometimes in the same message), notify_p50_ms / notify_p99_ms (due time to first notification),
     * notified_per_s (notified alerts over first send to last notification).
     */
    static void add(Figures figures, SendLog log, int sent, NotificationReceiver receiver) {
        long[] latencies = new long[sent];
        int notified = 0;
        int accepted = 0;
        int lost = 0;
        int duplicated = 0;
        int unacceptedNotified = 0;
        long messages = 0;
        long last = 0;
        for (int n = 0; n < sent; n++) {
            long at = receiver.firstNotifiedAt(n);
            boolean wasAccepted = log.outcome(n) == SendLog.ACCEPTED;
            accepted += wasAccepted ? 1 : 0;
            if (at == 0) {
                lost += wasAccepted ? 1 : 0;
                continue;
            }
            unacceptedNotified += wasAccepted ? 0 : 1;
            latencies[notified++] = at - log.sentAt(n);
            last = Math.max(last, at);
            duplicated += receiver.announcementsOf(n) > 1 ? 1 : 0;
            messages += receiver.notificationsOf(n);
        }
        dump(log, sent, receiver);
        Percentiles percentiles = new Percentiles(Arrays.copyOf(latencies, notified));
        double seconds = notified == 0 ? Double.NaN : (last - log.sentAt(0)) / 1e9;
        figures.put("accepted", accepted)
                .put("notified", notified)
                .put("lost", lost)
                .put("duplicated", duplicated)
                .put("messages_per_alert", notified == 0 ? Double.NaN : (double) messages / notified)
                .put("unaccepted_notified", unacceptedNotified)
                .put("notify_p50_ms", percentiles.millis(50))
                .put("notify_p99_ms", percentiles.millis(99))
                .put("notified_per_s", notified / seconds)
                .put("first_to_last_s", seconds);
    }

    /** BENCH_LATENCY_DUMP=file: one line per alert (wall-clock send time, latency ms, response ms) to find stalls. */
    private static void dump(SendLog log, int sent, NotificationReceiver receiver) {
        String file = System.getenv("BENCH_LATENCY_DUMP");
        if (file == null || file.isBlank()) {
            return;
        }
        long wallMinusNano = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        StringBuilder lines = new StringBuilder();
        for (int n = 0; n < sent; n++) {
            long at = receiver.firstNotifiedAt(n);
            lines.append(Instant.ofEpochMilli((log.sentAt(n) + wallMinusNano) / 1_000_000L)).append(' ')
                    .append(at == 0 ? -1 : (at - log.sentAt(n)) / 1_000_000L).append(' ')
                    .append(log.responseNanos(n) / 1_000_000L).append(' ').append(log.outcome(n)).append('\n');
        }
        try {
            Files.writeString(Path.of(file), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
