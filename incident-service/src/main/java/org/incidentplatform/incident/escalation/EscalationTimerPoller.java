package org.incidentplatform.incident.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.incident.leases.MongoLease;
import org.incidentplatform.incident.lifecycle.IncidentCommand.AdvanceEscalation;
import org.incidentplatform.incident.periodic.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fires due escalation timers on every instance: each claims one timer at a time (an atomic
 * update, so two instances never fire the same one), works out the next step's pages from the
 * policy and schedules as they are now, and asks the incident to move on. The incident refuses
 * a move from a step it has left, so a timer fired twice (a claim that ran out on a stalled
 * instance) still pages once. A failure (MongoDB away) gives the timer back for a retry: a step
 * fires late, never not at all.
 */
@Component
class EscalationTimerPoller extends PeriodicWork {

    /** How long a claim stops other instances from firing the same timer. */
    static final Duration CLAIM = Duration.ofSeconds(30);
    static final Duration RETRY = Duration.ofSeconds(2);
    private static final int MAX_PER_POLL = 200;
    private static final Logger log = LoggerFactory.getLogger(EscalationTimerPoller.class);

    private final EscalationTimers timers;
    private final EscalationPolicies policies;
    private final StepPlanner planner;
    private final FreshDecisions decisions;
    private final Duration interval;
    private final String owner = MongoLease.ownerName(null);

    EscalationTimerPoller(EscalationTimers timers, EscalationPolicies policies, StepPlanner planner,
            FreshDecisions decisions, @Value("${incidents.escalation.poll-interval:PT1S}") Duration interval) {
        super("escalation-timers", interval);
        this.timers = timers;
        this.policies = policies;
        this.planner = planner;
        this.decisions = decisions;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        try {
            for (int fired = 0; fired < MAX_PER_POLL; fired++) {
                Optional<EscalationTimer> due = timers.claimDue(Instant.now(), CLAIM, owner);
                if (due.isEmpty()) {
                    return;
                }
                fire(due.get());
            }
        } catch (RuntimeException storeAway) {
            log.warn("Escalation timers could not be read, retrying in {}: {}", interval, storeAway.toString());
        }
    }

    private void fire(EscalationTimer timer) {
        try {
            Optional<EscalationPolicy> policy = policies.find(timer.policyId());
            Instant now = Instant.now();
            AdvanceEscalation advance = new AdvanceEscalation(timer.id(), timer.step(), timer.round(),
                    policy.flatMap(p -> next(p, timer)).map(n -> planner.plan(timer.id(), policy.get(), n[0], n[1], now))
                            .orElse(null), now);
            boolean moved = decisions.acted(timer.id(), policy.map(p -> EscalationCommands.as(p, advance))
                    .orElseGet(() -> org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(advance)));
            if (!moved) {
                timers.removeSpent(timer);
            }
        } catch (RuntimeException failed) {
            log.warn("Escalation step {} of incident {} could not be fired, retrying in {}: {}", timer.step(),
                    timer.id(), RETRY, failed.toString());
            timers.release(timer, Instant.now().plus(RETRY));
        }
    }

    /** The step after the timer's, as {step, round}; empty when the last round is over. */
    private static Optional<int[]> next(EscalationPolicy policy, EscalationTimer timer) {
        if (timer.step() < policy.steps().size()) {
            return Optional.of(new int[] {timer.step() + 1, timer.round()});
        }
        if (timer.round() < policy.rounds()) {
            return Optional.of(new int[] {1, timer.round() + 1});
        }
        return Optional.empty();
    }
}
