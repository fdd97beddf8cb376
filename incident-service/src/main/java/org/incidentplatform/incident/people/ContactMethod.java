package org.incidentplatform.incident.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One way to reach a person: {@code {"type": "SMS", "address": "+33612345678"}}. */
public record ContactMethod(@NotNull ContactType type, @NotBlank @Size(max = 254) String address) {
}
