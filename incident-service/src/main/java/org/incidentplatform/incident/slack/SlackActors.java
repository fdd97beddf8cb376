package org.incidentplatform.incident.slack;

import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.stereotype.Component;

/**
 * Who a Slack member is here. A change made through Slack is recorded as the person whose SLACK
 * contact method is that member id ("Sergei Ivanov (per-…) via Slack"), never as the bot. A member
 * who is nobody here may act only when the installation allows it, recorded as "Slack user U…".
 */
@Component
class SlackActors {

    private final PeopleRepository people;
    private final SlackProperties properties;

    SlackActors(PeopleRepository people, SlackProperties properties) {
        this.people = people;
        this.properties = properties;
    }

    /** @param name how answers and the timeline name them */
    record Actor(String slackUserId, String name, String recordedAs) {

        /** The command metadata: who, why (the Slack interaction), and the member, for channel invites. */
        MetaData origin(String interactionId) {
            return MetaData.from(Map.of(RequestOrigin.ACTOR, recordedAs,
                    RequestOrigin.CORRELATION_ID, "slack-" + interactionId,
                    RequestOrigin.SLACK_USER, slackUserId));
        }
    }

    /** Empty when this member may not change incidents; {@link #refusal} says why and what to do. */
    Optional<Actor> actor(String slackUserId) {
        Optional<Person> person = people.activePersonBySlackId(slackUserId);
        if (person.isPresent()) {
            return Optional.of(linked(slackUserId, person.get()));
        }
        return properties.allowUnlinkedUsers() ? Optional.of(unlinked(slackUserId)) : Optional.empty();
    }

    /**
     * Who wrote a message, for a note taken from it: the linked person, or the Slack member as such
     * (authorship is a fact, not a permission, so no setting applies).
     */
    Actor author(String slackUserId) {
        return people.activePersonBySlackId(slackUserId).map(p -> linked(slackUserId, p)).orElseGet(() -> unlinked(slackUserId));
    }

    private static Actor linked(String slackUserId, Person person) {
        return new Actor(slackUserId, person.name(), person.name() + " (" + person.id() + ") via Slack");
    }

    private static Actor unlinked(String slackUserId) {
        return new Actor(slackUserId, "Slack user " + slackUserId, "Slack user " + slackUserId + " via Slack");
    }

    static String refusal(String slackUserId) {
        return "You can't change incidents from Slack yet: your Slack account (" + slackUserId
                + ") is not linked to an active person here. Ask an admin to add it to your person as a SLACK"
                + " contact method.";
    }
}
