package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries in rounds. A round takes every due queue (one incident, one target) that
 * is not already being sent, prepares them together ({@link DeliverySender#prepare}: a fixed
 * number of MongoDB commands per round), and hands each queue's send to a small pool. Finished
 * sends go to one writer thread, which records all the outcomes that are ready in one go
 * ({@link DeliveryOutcomes#recordAll}). So under load the MongoDB cost per delivery shrinks with the
 * size of the rounds, while an idle worker waits for a signal and sends a lone delivery at once.
 *
 * <p>At most one send per queue at a time: a queue stays in flight from its round until its
 * outcome is written. Everything it knows lives in MongoDB, so stopping it (or the process) at any
 * point loses nothing: an interrupted send keeps its lease until the lease runs out, then is due again.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Queues a round may take at most: bounds the memory of a backlog. */
    static final int ROUND_LIMIT = 500;
    /** Queues in flight at most, so a slow target cannot make the worker hold the whole backlog. */
    private static final int MAX_IN_FLIGHT = 1000;
    private static final int WRITE_LIMIT = 1000;

    private final DeliveryQueues queues;
    private final DeliveryLog deliveries;
    private final DeliverySender sender;
    private final DeliveryOutcomes outcomes;
    private final WorkSignal work;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<SendOutcome> finished = new LinkedBlockingQueue<>();
    private volatile Thread rounds;
    private volatile Thread writer;
    private volatile boolean sendsDone;
    private volatile ExecutorService senders;
    private volatile ScheduledExecutorService sweeper;

    DeliveryWorker(DeliveryQueues queues, DeliveryLog deliveries, DeliverySender sender, DeliveryOutcomes outcomes,
            WorkSignal work, DeliveryProperties properties, Clock clock) {
        this.queues = queues;
        this.deliveries = deliveries;
        this.sender = sender;
        this.outcomes = outcomes;
        this.work = work;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        inFlight.clear();
        finished.clear();
        sendsDone = false;
        senders = Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("delivery-", 0).factory());
        writer = Thread.ofPlatform().name("delivery-outcomes").start(this::writeOutcomes);
        rounds = Thread.ofPlatform().name("delivery-rounds").start(this::runRounds);
        sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("delivery-sweep").factory());
        sweeper.scheduleWithFixedDelay(this::sweep, 0, properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        sweeper.shutdownNow();
        rounds.interrupt();
        try {
            rounds.join(10_000);
            senders.shutdown();
            // A send in progress finishes and its outcome is written: never cut a record write short.
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
            sendsDone = true;
            writer.join(30_000);
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        rounds = null;
        writer = null;
        senders = null;
        sweeper = null;
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }

    private void runRounds() {
        RoundPacing pacing = new RoundPacing(properties.roundSpacing());
        while (!Thread.currentThread().isInterrupted()) {
            try {
                work.await(properties.pollInterval());
                pacing.awaitTurn();
                pacing.roundFound(round());
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    /** @return whether the round took any queue */
    private boolean round() {
        int room = Math.min(ROUND_LIMIT, MAX_IN_FLIGHT - inFlight.size());
        if (room <= 0) {
            return true; // busy: everything it may hold is in flight
        }
        List<DeliveryQueue> taken = new ArrayList<>();
        try {
            // Only as many as there is room for: under load the rest stay due, and reading them
            // every round only to leave them decoded hundreds of queue documents per send.
            for (DeliveryQueue queue : queues.due(clock.instant(), room)) {
                if (taken.size() < room && inFlight.add(queue.id())) {
                    taken.add(queue);
                }
            }
            if (taken.isEmpty()) {
                return false;
            }
            DeliverySender.Round round = sender.prepare(taken);
            queues.settleAll(round.settles(), clock.instant());
            round.settles().forEach(settle -> inFlight.remove(settle.seen().id()));
            round.sends().forEach(this::submit);
        } catch (RuntimeException failure) {
            // MongoDB away: the next round tries again; nothing is lost meanwhile (leases run out).
            taken.forEach(queue -> inFlight.remove(queue.id()));
            log.warn("A delivery round failed: {}", failure.toString());
        }
        return true;
    }

    private void submit(QueueWork queueWork) {
        try {
            senders.execute(() -> finished.add(sendNeverThrowing(queueWork)));
        } catch (RejectedExecutionException stopping) {
            // Leased but not sent: due again when the lease runs out.
            inFlight.remove(queueWork.queue().id());
        }
    }

    /** An outcome whatever happens: a send without one would keep its queue in flight for good. */
    private SendOutcome sendNeverThrowing(QueueWork queueWork) {
        try {
            return sender.send(queueWork);
        } catch (RuntimeException unexpected) {
            return SendOutcome.failed(queueWork, new DeliveryFailure(unexpected.toString(), null, null, unexpected),
                    Duration.ZERO, null);
        }
    }

    /**
     * Group commit of outcomes: waits for the first finished send, then takes every other one
     * that is ready, and writes them together. Paced like the rounds: right after a write, the
     * next waits out the rest of the spacing so it carries what finished meanwhile; after a quiet
     * spell an outcome is written at once.
     */
    private void writeOutcomes() {
        RoundPacing pacing = new RoundPacing(properties.roundSpacing());
        while (true) {
            SendOutcome first;
            try {
                first = finished.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                pacing.roundFound(false);
                if (sendsDone) {
                    return;
                }
                continue;
            }
            if (!sendsDone) {
                try {
                    pacing.awaitTurn();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt(); // still write what was taken
                }
            }
            List<SendOutcome> batch = new ArrayList<>();
            batch.add(first);
            finished.drainTo(batch, WRITE_LIMIT - 1);
            try {
                outcomes.recordAll(batch);
            } catch (RuntimeException failure) {
                // The leases run out and the deliveries go again, checked first (sendingSince).
                log.warn("Recording the outcomes of {} sends failed: {}", batch.size(), failure.toString());
            } finally {
                batch.forEach(outcome -> inFlight.remove(outcome.work().queue().id()));
                work.signal();
            }
            pacing.roundFound(true);
        }
    }

    private void sweep() {
        try {
            deliveries.sweep();
        } catch (RuntimeException failure) {
            log.warn("Sweeping the delivery log failed: {}", failure.toString());
        }
    }
}
