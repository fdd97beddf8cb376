package org.incidentplatform.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.notification.incident.IncidentState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The rules shipped in application.yml, matched as the router matches them (no Spring context). */
class DefaultRoutingTest {

    private final List<RoutingRule> defaults = shippedRules();

    @Test
    void sev1AndSev2GoToChatAndEmail() {
        assertThat(targets(incident("SEV1"))).contains("slack:ops", "teams:ops", "email:oncall");
        assertThat(targets(incident("SEV2"))).contains("slack:ops", "email:oncall");
    }

    @Test
    void sev3AndSev4GoToChatOnly() {
        assertThat(targets(incident("SEV3"))).contains("slack:ops", "teams:ops").doesNotContain("email:oncall");
        assertThat(targets(incident("SEV4"))).contains("slack:ops").doesNotContain("email:oncall");
    }

    /** A storm attaches thousands of alerts to one incident: the default rules tell of the incident, not each alert. */
    @Test
    void perAlertEventsGoOnlyToRulesThatNameThem() {
        ReceivedEvent attached = alert(EventTypes.ALERT_ATTACHED);
        ReceivedEvent resolved = alert(EventTypes.ALERT_RESOLVED);
        assertThat(defaults).noneMatch(rule -> Router.matches(rule, attached, incident("SEV1")));
        assertThat(defaults).noneMatch(rule -> Router.matches(rule, resolved, incident("SEV1")));

        var named = new RoutingRule("alerts", null, List.of("alert-attached"), List.of(), List.of(), List.of(),
                List.of(), List.of("slack:ops"));
        assertThat(Router.matches(named, attached, incident("SEV1"))).isTrue();
        assertThat(Router.matches(named, resolved, incident("SEV1"))).isFalse();
    }

    @Test
    void aRuleMatchesOnServiceStatusAndVisibility() {
        var rule = new RoutingRule("r", null, List.of("note-added"), List.of(), List.of("api"), List.of("INVESTIGATING"),
                List.of("PUBLIC"), List.of("teams:ops"));
        var investigatingApi = new IncidentState("i", 3, "t", null, "SEV3", "INVESTIGATING", List.of("api"),
                List.of(), null);

        assertThat(Router.matches(rule, note(Visibility.PUBLIC), investigatingApi)).isTrue();
        assertThat(Router.matches(rule, note(Visibility.INTERNAL), investigatingApi)).isFalse();
        assertThat(Router.matches(rule, note(Visibility.PUBLIC), new IncidentState("i", 3, "t", null, "SEV3",
                "RESOLVED", List.of("api"), List.of(), null))).isFalse();
        assertThat(Router.matches(rule, note(Visibility.PUBLIC), new IncidentState("i", 3, "t", null, "SEV3",
                "INVESTIGATING", List.of("web"), List.of("api"), null))).isTrue();
    }

    private List<String> targets(IncidentState incident) {
        return defaults.stream().filter(rule -> Router.matches(rule, note(Visibility.INTERNAL), incident))
                .flatMap(rule -> rule.targets().stream()).toList();
    }

    private static IncidentState incident(String severity) {
        return new IncidentState("i", 1, "t", null, severity, "TRIGGERED", List.of("api"), List.of(), null);
    }

    private static ReceivedEvent note(Visibility visibility) {
        return new ReceivedEvent("e", EventTypes.NOTE_ADDED, "i", 2, Instant.now(), "a", "c",
                Optional.of(new NoteAdded("i", "n", "text", visibility, Instant.now())));
    }

    /** The router reads only the type of a per-alert event, so no payload is needed. */
    private static ReceivedEvent alert(String type) {
        return new ReceivedEvent("e", type, "i", 2, Instant.now(), "a", "c", Optional.empty());
    }

    private static List<RoutingRule> shippedRules() {
        try {
            var environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("shipped", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addFirst);
            return Binder.get(environment).bind("notifications.routing", RoutingProperties.class).get().rules();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
