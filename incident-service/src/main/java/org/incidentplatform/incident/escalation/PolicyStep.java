package org.incidentplatform.incident.escalation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.incidentplatform.incident.web.InvalidRequestException;

/**
 * One step: page its targets, then wait {@code acknowledgeWithin} (ISO-8601, e.g. {@code PT5M})
 * for an acknowledgement before the next step.
 */
record PolicyStep(
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull StepTarget> targets,
        @NotBlank @Size(max = 20) String acknowledgeWithin) {

    /** Seconds are allowed so that drills and tests run fast; real policies wait minutes. */
    static final Duration SHORTEST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofHours(24);

    Duration waitDuration() {
        try {
            Duration wait = Duration.parse(acknowledgeWithin);
            if (wait.compareTo(SHORTEST) < 0 || wait.compareTo(LONGEST) > 0) {
                throw new InvalidRequestException("acknowledgeWithin must be between PT1S and PT24H");
            }
            return wait;
        } catch (DateTimeParseException notIso) {
            throw new InvalidRequestException("acknowledgeWithin must be an ISO-8601 duration such as PT5M");
        }
    }
}
