package org.incidentplatform.incident.view;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages an incident's alerts. The incident itself lists only its first few, so that one with ten
 * thousand alerts stays cheap to read; this is where all of them are.
 */
@RestController
@Validated
@Tag(name = "Incidents", description = "Read incidents")
class IncidentAlertsController {

    private final IncidentViewRepository views;
    private final IncidentAlerts alerts;
    private final AlertActivity activity;

    IncidentAlertsController(IncidentViewRepository views, IncidentAlerts alerts, AlertActivity activity) {
        this.views = views;
        this.alerts = alerts;
        this.activity = activity;
    }

    /**
     * @param total      every alert attached to the incident
     * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
     */
    record Page(List<IncidentView.Alert> items, long total, String nextCursor) {
    }

    @GetMapping("/api/v1/incidents/{incidentId}/alerts")
    @Operation(summary = "List an incident's alerts", description = "In alert key order, a page at a time; "
            + "pass nextCursor back as cursor. Alerts appear here once the event relay has applied them "
            + "(milliseconds after the 202 when idle).")
    Page list(@PathVariable String incidentId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @Parameter(description = "nextCursor of the previous page")
            @RequestParam(required = false) @Size(max = 2000) @Pattern(regexp = "[A-Za-z0-9_-]+",
                    message = "must be a nextCursor from a previous page") String cursor) {
        if (views.find(incidentId).isEmpty()) {
            throw NotFound.incident(incidentId);
        }
        List<IncidentView.Alert> page = alerts.page(incidentId, cursor == null ? null : decode(cursor), limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = encode(page.getLast().alertKey());
        }
        List<IncidentView.Alert> items = new java.util.ArrayList<>(page);
        activity.fillActivity(incidentId, items);
        return new Page(items, alerts.count(incidentId), next);
    }

    private static String encode(String alertKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(alertKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "cursor: must be a nextCursor from a previous page");
        }
    }
}
