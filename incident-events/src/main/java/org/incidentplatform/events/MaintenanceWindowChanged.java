package org.incidentplatform.events;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance window as it stands after a change, published on {@link Topics#MAINTENANCE_WINDOWS}
 * (keyed by window id, the whole state each time, so the latest record is the truth). During a
 * window nobody is paged for incidents of its services; the status page announces it.
 *
 * @param windowId    the window
 * @param title       what the public reads ("Database upgrade")
 * @param description what will happen and what users may notice; may be null
 * @param services    the services (status-page components) it covers
 * @param startsAt    when it begins
 * @param endsAt      when it is planned to end
 * @param cancelled   called off: it no longer suppresses pages nor shows on the status page
 * @param version     raised by every change; consumers keep the highest
 * @param updatedAt   when this change was made
 */
public record MaintenanceWindowChanged(
        String windowId,
        String title,
        String description,
        List<String> services,
        Instant startsAt,
        Instant endsAt,
        boolean cancelled,
        long version,
        Instant updatedAt) {

    public MaintenanceWindowChanged {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
