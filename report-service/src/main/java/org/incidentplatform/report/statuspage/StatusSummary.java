package org.incidentplatform.report.statuspage;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The document of Statuspage's {@code api/v2/summary.json}, field for field; Java names are
 * camel case and written in snake case. Times are ISO-8601 UTC with milliseconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StatusSummary(Page page, Status status, List<Component> components, List<Incident> incidents,
        List<ScheduledMaintenance> scheduledMaintenances) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Page(String id, String name, String url, String timeZone, String updatedAt) {
    }

    /** indicator: none, minor, major or critical. */
    record Status(String indicator, String description) {
    }

    /** status: operational, degraded_performance, partial_outage or major_outage. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Component(String id, String name, String status, String createdAt, String updatedAt, int position,
            String description, boolean showcase, String startDate, String groupId, String pageId, boolean group,
            boolean onlyShowIfDegraded) {
    }

    /** status: investigating, identified, monitoring, resolved or postmortem; impact: none, minor, major, critical. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Incident(String id, String name, String status, String createdAt, String updatedAt, String monitoringAt,
            String resolvedAt, String impact, String shortlink, String startedAt, String pageId,
            List<IncidentUpdate> incidentUpdates, List<Component> components) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IncidentUpdate(String id, String status, String body, String incidentId, String createdAt, String updatedAt,
            String displayAt, List<AffectedComponent> affectedComponents, boolean deliverNotifications,
            String customTweet, String tweetId) {
    }

    /** How an update affected a component, as Statuspage lists it: code, name, old and new status. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AffectedComponent(String code, String name, String oldStatus, String newStatus) {
    }

    /**
     * A scheduled maintenance as Statuspage lists it. status: scheduled, in_progress or completed;
     * impact is always "maintenance"; its one update carries the planned description.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ScheduledMaintenance(String id, String name, String status, String createdAt, String updatedAt,
            String monitoringAt, String resolvedAt, String impact, String shortlink, String startedAt, String pageId,
            List<IncidentUpdate> incidentUpdates, List<Component> components, String scheduledFor,
            String scheduledUntil) {
    }
}
