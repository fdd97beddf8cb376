package org.incidentplatform.incident.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.incident.caching.ShortLivedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a maintenance window covers an incident's services now: then nobody is paged for it.
 * Asked for every incident an escalation policy covers, so the windows are read at most once per
 * {@code incidents.oncall.cache-ttl} (a change through this instance's API takes effect at once).
 */
@Component
public class ActiveMaintenance {

    private final ShortLivedCache<List<MaintenanceWindow>> current;

    ActiveMaintenance(MaintenanceWindows windows, @Value("${incidents.oncall.cache-ttl:PT5S}") Duration cacheTtl) {
        this.current = new ShortLivedCache<>(() -> windows.current(Instant.now()), cacheTtl);
    }

    /** The running window covering one of the services, described for the incident's history; empty when none. */
    public Optional<String> covering(List<String> services, Instant at) {
        if (services.isEmpty()) {
            return Optional.empty();
        }
        return current.get().stream().filter(w -> w.covers(at, services)).findFirst()
                .map(w -> "maintenance window '" + w.title() + "' (" + w.id() + ") covers " + String.join(", ",
                        w.services().stream().filter(s -> services.stream().anyMatch(s::equalsIgnoreCase)).toList())
                        + " until " + w.endsAt());
    }

    void forget() {
        current.forget();
    }
}
