package org.incidentplatform.incident.escalation;

import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.incident.lifecycle.IncidentCommand.PagePeople;
import org.incidentplatform.incident.lifecycle.IncidentCommandSender;
import org.springframework.stereotype.Component;

/**
 * Pages a person, a schedule's on-call or a team by hand, outside any policy: the REST API's
 * {@code POST /incidents/{id}/pages}, Slack's "Page someone" and {@code /incident page}. The
 * targets resolve as an escalation step's do; the pages are step 0.
 */
@Component
public class ManualPaging {

    private final StepPlanner planner;
    private final IncidentCommandSender commands;

    ManualPaging(StepPlanner planner, IncidentCommandSender commands) {
        this.planner = planner;
        this.commands = commands;
    }

    /** @param type SCHEDULE, PERSON or TEAM */
    public record Target(String type, String id) {
    }

    /**
     * @param paged     the people paged, by name
     * @param unreached targets that gave nobody, with the reason
     */
    public record Outcome(List<String> paged, List<String> unreached) {
    }

    /** Pages now; an incident that is not open refuses (IllegalTransitionException), as every change does. */
    public Outcome page(String incidentId, Target target, MetaData origin) {
        StepTarget.Type type = StepTarget.Type.valueOf(target.type());
        Instant now = Instant.now();
        StepPlanner.Reach reach = planner.reach(incidentId, List.of(new StepTarget(type, target.id())), 0, 1,
                "paged by hand", now);
        List<PersonPaged> pages = reach.pages();
        if (!pages.isEmpty()) {
            commands.send(new PagePeople(incidentId, pages, now), origin);
        }
        return new Outcome(pages.stream().map(PersonPaged::personName).toList(), reach.unreached());
    }
}
