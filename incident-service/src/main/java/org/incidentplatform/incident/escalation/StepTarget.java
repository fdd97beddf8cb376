package org.incidentplatform.incident.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Whom a step pages: the person on call for a schedule, a person, or every active member of a team. */
record StepTarget(@NotNull Type type, @NotBlank @Size(max = 40) String id) {

    enum Type { SCHEDULE, PERSON, TEAM }
}
