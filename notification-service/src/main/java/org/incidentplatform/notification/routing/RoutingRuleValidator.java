package org.incidentplatform.notification.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.notification.channel.RouteTarget;
import org.springframework.stereotype.Component;

/** Everything wrong with a rule an administrator sent, in words, so the 400 says what to fix. */
@Component
class RoutingRuleValidator {

    static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_VALUES = 50;
    private static final int MAX_VALUE_LENGTH = 200;

    private final ConfiguredTargets configured;

    RoutingRuleValidator(ConfiguredTargets configured) {
        this.configured = configured;
    }

    List<String> problems(RoutingRule rule) {
        List<String> problems = new ArrayList<>();
        if (rule.id() == null || !RULE_ID.matcher(rule.id()).matches()) {
            problems.add("id must be 1-64 lower-case letters, digits or '-'");
        }
        if (rule.description() != null && rule.description().length() > 500) {
            problems.add("description must be at most 500 characters");
        }
        Set<String> kinds = EventTypes.all().stream().map(EventFacts::kindOf).collect(Collectors.toSet());
        check(problems, "eventTypes", rule.eventTypes(), v -> EventTypes.all().contains(v) || kinds.contains(v));
        check(problems, "severities", rule.severities(), names(Severity.values())::contains);
        check(problems, "statuses", rule.statuses(), names(IncidentStatus.values())::contains);
        check(problems, "visibilities", rule.visibilities(), names(Visibility.values())::contains);
        check(problems, "services", rule.services(), v -> !v.isBlank());
        if (rule.targets().isEmpty()) {
            problems.add("targets must name at least one channel:target");
        }
        check(problems, "targets", rule.targets(), this::isConfiguredTarget);
        return problems;
    }

    private boolean isConfiguredTarget(String text) {
        try {
            return configured.isConfigured(RouteTarget.parse(text));
        } catch (IllegalArgumentException notATarget) {
            return false;
        }
    }

    private static void check(List<String> problems, String field, List<String> values,
            java.util.function.Predicate<String> valid) {
        if (values.size() > MAX_VALUES) {
            problems.add(field + " may hold at most " + MAX_VALUES + " values");
            return;
        }
        for (String value : values) {
            if (value == null || value.length() > MAX_VALUE_LENGTH || !valid.test(value)) {
                problems.add(field + " holds an unknown or unconfigured value: '"
                        + (value == null ? "null" : value.substring(0, Math.min(value.length(), 80))) + "'");
            }
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
