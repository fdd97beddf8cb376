package org.incidentplatform.incident.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a maintenance window covers an incident's services now: then nobody is paged for it.
 * Asked for every incident an escalation policy covers, so the windows are read at most every
 * {@link #CACHE_TTL} (a change through this instance's API takes effect at once).
 */
@Component
public class ActiveMaintenance {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private final MaintenanceWindows windows;
    private volatile Cached cache = new Cached(List.of(), Instant.EPOCH);

    private record Cached(List<MaintenanceWindow> windows, Instant until) {
    }

    ActiveMaintenance(MaintenanceWindows windows) {
        this.windows = windows;
    }

    /** The running window covering one of the services, described for the incident's history; empty when none. */
    public Optional<String> covering(List<String> services, Instant at) {
        if (services.isEmpty()) {
            return Optional.empty();
        }
        return current(at).stream().filter(w -> w.covers(at, services)).findFirst()
                .map(w -> "maintenance window '" + w.title() + "' (" + w.id() + ") covers " + String.join(", ",
                        w.services().stream().filter(s -> services.stream().anyMatch(s::equalsIgnoreCase)).toList())
                        + " until " + w.endsAt());
    }

    void forget() {
        cache = new Cached(List.of(), Instant.EPOCH);
    }

    private List<MaintenanceWindow> current(Instant at) {
        Cached cached = cache;
        Instant now = Instant.now();
        if (cached.until().isAfter(now)) {
            return cached.windows();
        }
        List<MaintenanceWindow> read = windows.current(now);
        cache = new Cached(read, now.plus(CACHE_TTL));
        return read;
    }
}
