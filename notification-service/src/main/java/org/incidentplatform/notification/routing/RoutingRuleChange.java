package org.incidentplatform.notification.routing;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One edit of the routing rules, append-only. The rule set after the edit travels with it, so
 * the newest change <em>is</em> the active rule set and the audit trail cannot disagree with it:
 * both are one insert. The version is the id, so two concurrent edits of the same version
 * collide on the key and the second is refused.
 *
 * @param version the rule-set version this change created, from 1
 * @param actor   who made it (the API principal)
 * @param action  CREATED, UPDATED or DELETED
 * @param before  the rule before, null when created
 * @param after   the rule after, null when deleted
 * @param rules   the whole rule set after the change
 */
@Document("routing_rule_changes")
record RoutingRuleChange(@Id long version, Instant at, String actor, String ruleId, String action,
        RoutingRule before, RoutingRule after, List<RoutingRule> rules) {
}
