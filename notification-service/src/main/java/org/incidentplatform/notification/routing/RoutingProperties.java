package org.incidentplatform.notification.routing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.routing}: the rules the service starts with. Once an administrator edits
 * rules over the API, the edited set (kept in {@code routing_rule_changes}) wins.
 */
@ConfigurationProperties("notifications.routing")
public record RoutingProperties(@DefaultValue List<RoutingRule> rules) {
}
