package org.incidentplatform.events;

import java.time.Instant;
import java.util.List;

/**
 * The post-mortem's written sections; each update replaces them all.
 *
 * @param incidentId the incident
 * @param summary what happened, in a paragraph
 * @param rootCause the root cause
 * @param contributingFactors what made it worse or more likely
 * @param whatWentWell what helped
 * @param whatWentWrong what hindered
 * @param lessons what was learned
 * @param occurredAt when the post-mortem was edited
 */
public record PostmortemUpdated(
        String incidentId,
        String summary,
        String rootCause,
        List<String> contributingFactors,
        List<String> whatWentWell,
        List<String> whatWentWrong,
        List<String> lessons,
        Instant occurredAt) implements IncidentEvent {

    public PostmortemUpdated {
        contributingFactors = contributingFactors == null ? List.of() : List.copyOf(contributingFactors);
        whatWentWell = whatWentWell == null ? List.of() : List.copyOf(whatWentWell);
        whatWentWrong = whatWentWrong == null ? List.of() : List.copyOf(whatWentWrong);
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }
}
