package org.incidentplatform.report.statuspage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.report.maintenance.MaintenanceSchedule;
import org.incidentplatform.report.projection.IncidentReport;
import org.incidentplatform.report.projection.ReportProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the public may see right now, computed from the reports when they changed, never once
 * per request (see {@link CachedBoard}; {@code incidents.status-page.refresh.*}).
 *
 * <p>Components are every component any impact assessment has named. A component's status comes
 * from the latest assessment of each OPEN incident, the worst one winning; once its incidents are
 * resolved it is operational again. An incident is published, and listed, once it has a public
 * update. The page indicator is the worst of the published open incidents' impact (from their
 * severity) and what the components' statuses imply.
 */
@Component
class StatusBoard {

    static final Duration HISTORY = Duration.ofDays(14);

    private final ReportProjection projection;
    private final MaintenanceSchedule maintenance;
    private final StatusPageProperties page;
    private final Clock clock;
    private final CachedBoard<Board> cached;

    StatusBoard(ReportProjection projection, MaintenanceSchedule maintenance, StatusPageProperties page, Clock clock,
            @Value("${incidents.status-page.refresh.min-interval:1s}") Duration minInterval,
            @Value("${incidents.status-page.refresh.max-age:5s}") Duration maxAge) {
        this.projection = projection;
        this.maintenance = maintenance;
        this.page = page;
        this.clock = clock;
        this.cached = new CachedBoard<>(this::compute, projection::version, clock, minInterval, maxAge);
    }

    /** The summary document, plus the published incidents of the last 14 days that are over. */
    record Board(StatusSummary summary, List<StatusSummary.Incident> recentlyResolved) {
    }

    Board read() {
        return cached.get();
    }

    private Board compute() {
        List<IncidentReport> reports = projection.allForStatusPage();
        Map<String, ComponentState> components = components(reports);
        Map<String, StatusSummary.Component> rendered = new TreeMap<>();
        int position = 1;
        for (ComponentState state : components.values()) {
            rendered.put(state.name, new StatusSummary.Component(componentId(state.name), state.name,
                    PublicVocabulary.component(state.status), PublicVocabulary.time(state.createdAt),
                    PublicVocabulary.time(state.updatedAt), position++, null, true, null, null, page.id(), false, false));
        }
        PublishedIncidents published = new PublishedIncidents(page, rendered);
        Instant since = clock.instant().minus(HISTORY);
        List<StatusSummary.Incident> open = reports.stream().filter(r -> r.isOpen() && published.isPublished(r))
                .sorted(Comparator.comparing(IncidentReport::startedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(published::incident).toList();
        List<StatusSummary.Incident> recent = reports.stream()
                .filter(r -> !r.isOpen() && published.isPublished(r) && published.lastPublicUpdate(r).isAfter(since))
                .sorted(Comparator.comparing(published::lastPublicUpdate).reversed())
                .map(published::incident).toList();
        int rank = components.values().stream().mapToInt(c -> PublicVocabulary.indicatorRank(c.status)).max().orElse(0);
        for (StatusSummary.Incident incident : open) {
            rank = Math.max(rank, PublicVocabulary.indicatorRank(incident.impact()));
        }
        String indicator = PublicVocabulary.indicator(rank);
        Instant updated = reports.stream().map(IncidentReport::updatedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        StatusSummary summary = new StatusSummary(
                new StatusSummary.Page(page.id(), page.name(), page.baseUrl() + "/status", "Etc/UTC",
                        PublicVocabulary.time(updated)),
                new StatusSummary.Status(indicator, PublicVocabulary.description(indicator)),
                List.copyOf(rendered.values()), open, maintenances(rendered));
        return new Board(summary, recent);
    }

    /** Upcoming and running maintenance, soonest first, in Statuspage's shape. */
    private List<StatusSummary.ScheduledMaintenance> maintenances(Map<String, StatusSummary.Component> known) {
        Instant now = clock.instant();
        return maintenance.upcomingOrRunning(now).stream().map(w -> {
            String status = w.status(now);
            List<StatusSummary.Component> covered = w.services().stream().map(name -> {
                StatusSummary.Component c = known.get(name);
                String componentStatus = status.equals("in_progress") ? "under_maintenance"
                        : c != null ? c.status() : "operational";
                return new StatusSummary.Component(componentId(name), name, componentStatus,
                        c != null ? c.createdAt() : PublicVocabulary.time(w.firstSeenAt()), PublicVocabulary.time(w.updatedAt()),
                        c != null ? c.position() : 0, null, true, null, null, page.id(), false, false);
            }).toList();
            StatusSummary.IncidentUpdate planned = new StatusSummary.IncidentUpdate(w.id() + "-" + w.version(), status,
                    w.description() == null ? w.title() : w.description(), w.id(), PublicVocabulary.time(w.firstSeenAt()),
                    PublicVocabulary.time(w.updatedAt()), PublicVocabulary.time(w.updatedAt()), List.of(), true, null, null);
            return new StatusSummary.ScheduledMaintenance(w.id(), w.title(), status, PublicVocabulary.time(w.firstSeenAt()),
                    PublicVocabulary.time(w.updatedAt()), null, null, "maintenance", page.baseUrl() + "/status",
                    status.equals("scheduled") ? null : PublicVocabulary.time(w.startsAt()), page.id(), List.of(planned),
                    covered, PublicVocabulary.time(w.startsAt()), PublicVocabulary.time(w.endsAt()));
        }).toList();
    }

    private static Map<String, ComponentState> components(List<IncidentReport> reports) {
        Map<String, ComponentState> components = new TreeMap<>();
        for (IncidentReport report : reports) {
            for (ComponentImpact named : report.worstComponents()) {
                ComponentState state = components.computeIfAbsent(named.component(), ComponentState::new);
                state.seen(report.startedAt(), report.updatedAt());
            }
        }
        for (IncidentReport report : reports) {
            if (report.isOpen() && report.impact() != null) {
                for (ComponentImpact current : report.impact().components()) {
                    components.computeIfAbsent(current.component(), ComponentState::new).worsen(current.status());
                }
            }
        }
        return components;
    }

    /** Stable across restarts and rebuilds: derived from the name, which is all that identifies a component. */
    static String componentId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "cmp" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final class ComponentState {
        final String name;
        ComponentStatus status = ComponentStatus.OPERATIONAL;
        Instant createdAt;
        Instant updatedAt;

        ComponentState(String name) {
            this.name = name;
        }

        void seen(Instant started, Instant updated) {
            createdAt = started != null && (createdAt == null || started.isBefore(createdAt)) ? started : createdAt;
            updatedAt = updated != null && (updatedAt == null || updated.isAfter(updatedAt)) ? updated : updatedAt;
        }

        void worsen(ComponentStatus candidate) {
            status = candidate.compareTo(status) > 0 ? candidate : status;
        }
    }
}
