package org.incidentplatform.incident.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.incident.lifecycle.IncidentCommand.EscalationStep;
import org.incidentplatform.incident.people.ContactMethod;
import org.incidentplatform.incident.people.NotificationRule;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.people.RosterIds;
import org.incidentplatform.incident.people.Team;
import org.incidentplatform.incident.schedules.OnCall;
import org.springframework.stereotype.Component;

/**
 * Turns a policy step into the pages it sends now: the person on call for each schedule at this
 * instant, named people, every active member of named teams; each person paged once per step
 * however many targets name them. Targets that give nobody are listed with the reason, so the
 * incident's history says why nobody was woken up.
 */
@Component
class StepPlanner {

    private final OnCall onCall;
    private final PeopleRepository people;

    StepPlanner(OnCall onCall, PeopleRepository people) {
        this.onCall = onCall;
        this.people = people;
    }

    /** Step {@code step} (from 1) of round {@code round} of the policy, as it is reached at {@code at}. */
    EscalationStep plan(String incidentId, EscalationPolicy policy, int step, int round, Instant at) {
        PolicyStep definition = policy.steps().get(step - 1);
        Reach reach = reach(incidentId, definition.targets(), step, round, "named in step " + step, at);
        return new EscalationStep(step, round, reach.targets(), reach.unreached(), reach.pages(), definition.waitDuration());
    }

    /** Whom the targets page now, and the targets that gave nobody, with the reason. */
    record Reach(List<String> targets, List<String> unreached, List<PersonPaged> pages) {
    }

    /**
     * @param step        0 for a page by hand
     * @param namedReason the reason given to a person named directly
     */
    Reach reach(String incidentId, List<StepTarget> stepTargets, int step, int round, String namedReason, Instant at) {
        Map<String, String> reasonByPerson = new LinkedHashMap<>();
        List<String> targets = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        for (StepTarget target : stepTargets) {
            switch (target.type()) {
                case SCHEDULE -> {
                    Optional<OnCall.Answer> answer = onCall.at(target.id(), at);
                    String name = answer.map(OnCall.Answer::scheduleName).orElse(target.id());
                    targets.add("on call for " + name);
                    if (answer.isEmpty() || answer.get().deleted()) {
                        unreached.add("schedule " + name + " no longer exists");
                    } else if (answer.get().personId() == null) {
                        unreached.add("nobody is on call for " + name);
                    } else {
                        reasonByPerson.putIfAbsent(answer.get().personId(), "on call for " + name);
                    }
                }
                case PERSON -> {
                    targets.add("person " + target.id());
                    reasonByPerson.putIfAbsent(target.id(), namedReason);
                }
                case TEAM -> {
                    Optional<Team> team = people.team(target.id());
                    String name = team.map(Team::name).orElse(target.id());
                    targets.add("team " + name);
                    if (team.isEmpty() || team.get().memberIds().isEmpty()) {
                        unreached.add("team " + name + (team.isEmpty() ? " no longer exists" : " has no members"));
                    } else {
                        team.get().memberIds().forEach(member -> reasonByPerson.putIfAbsent(member, "member of team " + name));
                    }
                }
            }
        }
        Map<String, Person> known = people.people(reasonByPerson.keySet());
        List<PersonPaged> pages = new ArrayList<>();
        reasonByPerson.forEach((personId, reason) -> {
            Person person = known.get(personId);
            if (person == null || !person.active()) {
                unreached.add((person == null ? personId : person.name()) + " (" + reason + ") is deactivated or unknown");
            } else {
                pages.add(new PersonPaged(incidentId, RosterIds.next("pg"), step, round, person.id(), person.name(),
                        reason, contactsOf(person), at));
            }
        });
        return new Reach(targets, unreached, pages);
    }

    /** The person's notification rules as contacts; without rules, every contact method at once. */
    static List<PersonPaged.Contact> contactsOf(Person person) {
        List<PersonPaged.Contact> contacts = new ArrayList<>();
        if (person.notificationRules().isEmpty()) {
            for (ContactMethod method : person.contactMethods()) {
                contacts.add(new PersonPaged.Contact(method.type().name(), method.address(), 0));
            }
            return contacts;
        }
        for (NotificationRule rule : person.notificationRules()) {
            person.contactMethods().stream().filter(m -> m.type() == rule.type()).forEach(method ->
                    contacts.add(new PersonPaged.Contact(method.type().name(), method.address(), rule.afterMinutes())));
        }
        return contacts;
    }
}
