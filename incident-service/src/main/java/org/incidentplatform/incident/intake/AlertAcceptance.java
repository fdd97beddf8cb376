package org.incidentplatform.incident.intake;

import java.util.List;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.incident.integrations.Integration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes a request's alerts either into their streams at once or into the {@link AlertQueue}, and
 * is the one place that decides which. Queued means stored as received (one insert) and answered;
 * the queue's worker sends them to their streams right after, in order.
 *
 * <p>Alerts are queued when the group is large, when alerts of the integration already wait in the
 * queue (a resolve never overtakes its trigger), and when more than {@code queueWhenBusyAbove}
 * alert requests are being processed at once: then a sender is answered after one insert instead
 * of after its incident's commands, which is what lets intake keep up in a storm. An idle system
 * never queues, so a lone alert reaches its incident without waiting for the worker.
 */
@Component
class AlertAcceptance {

    /** What became of a request's alerts: recorded in their streams, or queued to be. */
    record Outcome(int recorded, int queued) {
    }

    private final AlertIntake intake;
    private final AlertQueue queue;
    private final AlertQueueWorker worker;
    private final IntakeLimiter limiter;
    private final int queueAbove;
    private final int queueWhenBusyAbove;

    AlertAcceptance(AlertIntake intake, AlertQueue queue, AlertQueueWorker worker, IntakeLimiter limiter,
            @Value("${incidents.intake.queue-above:1000}") int queueAbove,
            @Value("${incidents.intake.queue-when-busy-above:8}") int queueWhenBusyAbove) {
        this.intake = intake;
        this.queue = queue;
        this.worker = worker;
        this.limiter = limiter;
        this.queueAbove = queueAbove;
        this.queueWhenBusyAbove = queueWhenBusyAbove;
    }

    /** Within the intake's concurrency bound (429 past it); the alerts are stored when this returns. */
    Outcome accept(Integration integration, List<AlertSignal> alerts, MetaData origin) {
        return limiter.withPermit(() -> {
            if (limiter.inFlight() > queueWhenBusyAbove || alerts.size() > queueAbove
                    || queue.hasPendingFor(integration.id())) {
                queue.enqueue(integration, alerts, origin);
                worker.wakeUp();
                return new Outcome(0, alerts.size());
            }
            return new Outcome(intake.receive(integration, alerts, origin), 0);
        });
    }
}
