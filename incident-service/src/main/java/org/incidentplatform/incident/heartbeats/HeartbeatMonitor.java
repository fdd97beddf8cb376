package org.incidentplatform.incident.heartbeats;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.intake.HeartbeatSignals;
import org.incidentplatform.incident.periodic.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On every instance, every second: marks heartbeats past their deadline DOWN, then makes each
 * heartbeat's alert agree with its state: raised for a DOWN one, resolved for one that pings again.
 * Each step is an atomic conditional update, so several instances share the work without doing
 * any of it twice; an alert that could not be stored (MongoDB away) is tried again in 2 s.
 */
@Component
class HeartbeatMonitor extends PeriodicWork {

    static final Duration CLAIM = Duration.ofSeconds(30);
    static final Duration RETRY = Duration.ofSeconds(2);
    private static final int MAX_PER_CHECK = 200;
    private static final Logger log = LoggerFactory.getLogger(HeartbeatMonitor.class);

    private final HeartbeatRepository heartbeats;
    private final IntegrationRepository integrations;
    private final HeartbeatSignals signals;
    private final Duration interval;

    HeartbeatMonitor(HeartbeatRepository heartbeats, IntegrationRepository integrations, HeartbeatSignals signals,
            @Value("${incidents.heartbeats.check-interval:PT1S}") Duration interval) {
        super("heartbeat-monitor", interval);
        this.heartbeats = heartbeats;
        this.integrations = integrations;
        this.signals = signals;
        this.interval = interval;
    }

    @Override
    protected void runOnce() {
        try {
            Instant now = Instant.now();
            for (int i = 0; i < MAX_PER_CHECK && heartbeats.markOneOverdue(now).isPresent(); i++) {
                // Each marked DOWN; the alerts follow below.
            }
            for (int i = 0; i < MAX_PER_CHECK; i++) {
                Optional<Heartbeat> disagreeing = heartbeats.claimOneToReconcile(Instant.now(), CLAIM);
                if (disagreeing.isEmpty()) {
                    return;
                }
                reconcile(disagreeing.get());
            }
        } catch (RuntimeException storeAway) {
            log.warn("Heartbeats could not be checked, retrying in {}: {}", interval, storeAway.toString());
        }
    }

    private void reconcile(Heartbeat heartbeat) {
        Optional<Integration> integration = integrations.find(heartbeat.integrationId());
        try {
            if (integration.isEmpty() || !integration.get().enabled()) {
                log.warn("Heartbeat {} has no enabled integration {}: nobody can be told", heartbeat.name(),
                        heartbeat.integrationId());
                heartbeats.retryAt(heartbeat, Instant.now().plus(CLAIM));
                return;
            }
            boolean down = Heartbeat.DOWN.equals(heartbeat.state());
            if (down) {
                signals.missed(integration.get(), heartbeat.id(), heartbeat.name(), heartbeat.labels(),
                        heartbeat.lastPingAt(), heartbeat.deadline());
            } else {
                signals.resumed(integration.get(), heartbeat.id(), heartbeat.name(), heartbeat.labels(), Instant.now());
            }
            heartbeats.reconciled(heartbeat, down);
        } catch (RuntimeException failed) {
            log.warn("Alert of heartbeat {} could not be stored, retrying in {}: {}", heartbeat.name(), RETRY, failed.toString());
            heartbeats.retryAt(heartbeat, Instant.now().plus(RETRY));
        }
    }
}
