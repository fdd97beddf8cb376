package org.incidentplatform.incident.people;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * When a page reaches a person one way: {@code {"type": "SMS", "afterMinutes": 2}} texts them two
 * minutes after the page unless it has been acknowledged by then. A person's rules together say
 * how a page escalates on their own devices (push at once, SMS after 2 min, call after 5).
 */
public record NotificationRule(@NotNull ContactType type, @NotNull @Min(0) @Max(60) Integer afterMinutes) {
}
