package org.incidentplatform.incident.lifecycle;

/**
 * Where an incident's escalation is: not started, started (before its first step), on a step of
 * a round, or stopped. An incident escalates at most once; a reopened incident is not paged again.
 */
record EscalationProgress(String policyId, boolean started, boolean stopped, int step, int round) {

    static final EscalationProgress NONE = new EscalationProgress(null, false, false, 0, 0);

    static EscalationProgress started(String policyId) {
        return new EscalationProgress(policyId, true, false, 0, 0);
    }

    EscalationProgress at(int newStep, int newRound) {
        return new EscalationProgress(policyId, true, false, newStep, newRound);
    }

    EscalationProgress stop() {
        return new EscalationProgress(policyId, true, true, step, round);
    }

    boolean running() {
        return started && !stopped;
    }

    boolean isAt(int step, int round) {
        return running() && this.step == step && this.round == round;
    }
}
