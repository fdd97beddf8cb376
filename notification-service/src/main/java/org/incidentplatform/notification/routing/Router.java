package org.incidentplatform.notification.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.notification.channel.RouteTarget;
import org.incidentplatform.notification.incident.IncidentState;
import org.springframework.stereotype.Component;

/** Decides where one event goes: the union of the targets of every rule that matches it. */
@Component
public class Router {

    /**
     * Kinds a rule gets only when it names them: per-alert events (thousands in a storm) and the
     * steps of escalations, whose pages go to the people paged, not to channels.
     */
    static final Set<String> PER_ALERT_KINDS = Set.of("alert-attached", "alert-resolved", "escalation-started",
            "escalation-step-reached", "person-paged", "escalation-stopped");

    private final RoutingRules rules;
    private final ConfiguredTargets configured;

    Router(RoutingRules rules, ConfiguredTargets configured) {
        this.rules = rules;
        this.configured = configured;
    }

    /** The configured targets the event goes to; a rule naming a target not configured here skips it. */
    public Set<RouteTarget> route(ReceivedEvent event, IncidentState incident) {
        return rules().route(event, incident);
    }

    /** The rules in force now, read once to route a whole batch of events. */
    public Rules rules() {
        return new Rules(rules.current().rules());
    }

    /** A snapshot of the routing rules. */
    public final class Rules {

        private final List<RoutingRule> current;

        private Rules(List<RoutingRule> current) {
            this.current = current;
        }

        /** The configured targets the event goes to; a rule naming a target not configured here skips it. */
        public Set<RouteTarget> route(ReceivedEvent event, IncidentState incident) {
            Set<RouteTarget> targets = new LinkedHashSet<>();
            for (RoutingRule rule : current) {
                if (matches(rule, event, incident)) {
                    rule.targets().stream().map(RouteTarget::parse).filter(configured::isConfigured).forEach(targets::add);
                }
            }
            return targets;
        }
    }

    /**
     * A rule without {@code eventTypes} matches every incident event except the per-alert ones
     * ({@code alert-attached}, {@code alert-resolved}): in a storm those are thousands per
     * incident, and the people paged want the incident, not a message per alert. A rule that names
     * them in {@code eventTypes} still gets each one.
     */
    static boolean matches(RoutingRule rule, ReceivedEvent event, IncidentState incident) {
        String kind = EventFacts.kindOf(event.type());
        if (rule.eventTypes().isEmpty() && PER_ALERT_KINDS.contains(kind)) {
            return false;
        }
        return anyOrEmpty(rule.eventTypes(), List.of(event.type(), kind))
                && anyOrEmpty(rule.severities(), listOf(incident.severity()))
                && anyOrEmpty(rule.services(), incident.affected())
                && anyOrEmpty(rule.statuses(), listOf(incident.status()))
                && anyOrEmpty(rule.visibilities(), List.of(EventFacts.visibility(event).name()));
    }

    private static boolean anyOrEmpty(List<String> wanted, List<String> actual) {
        return wanted.isEmpty() || actual.stream().anyMatch(value -> wanted.stream().anyMatch(value::equalsIgnoreCase));
    }

    private static List<String> listOf(String valueOrNull) {
        return valueOrNull == null ? List.of() : List.of(valueOrNull);
    }
}
