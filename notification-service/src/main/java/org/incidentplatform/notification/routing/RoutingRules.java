package org.incidentplatform.notification.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** The active rule set: the configured one until the first edit, then the newest change's. */
@Component
class RoutingRules {

    static final int MAX_CHANGES_LISTED = 200;

    private final MongoOperations mongo;
    private final RoutingProperties configured;
    private final Clock clock;

    RoutingRules(MongoOperations mongo, RoutingProperties configured, Clock clock) {
        this.mongo = mongo;
        this.configured = configured;
        this.clock = clock;
    }

    record RuleSet(long version, List<RoutingRule> rules) {
    }

    RuleSet current() {
        return newest().map(change -> new RuleSet(change.version(), change.rules()))
                .orElseGet(() -> new RuleSet(0, configured.rules()));
    }

    /** Creates or replaces the rule with this id; returns the change. */
    RoutingRuleChange put(RoutingRule rule, String actor) {
        RuleSet set = current();
        List<RoutingRule> rules = new ArrayList<>(set.rules());
        Optional<RoutingRule> before = find(set, rule.id());
        before.ifPresentOrElse(old -> rules.set(rules.indexOf(old), rule), () -> rules.add(rule));
        return append(new RoutingRuleChange(set.version() + 1, clock.instant(), actor, rule.id(),
                before.isPresent() ? "UPDATED" : "CREATED", before.orElse(null), rule, rules));
    }

    /** Removes the rule; empty when there is no such rule. */
    Optional<RoutingRuleChange> delete(String ruleId, String actor) {
        RuleSet set = current();
        return find(set, ruleId).map(old -> {
            List<RoutingRule> rules = new ArrayList<>(set.rules());
            rules.remove(old);
            return append(new RoutingRuleChange(set.version() + 1, clock.instant(), actor, ruleId, "DELETED",
                    old, null, rules));
        });
    }

    List<RoutingRuleChange> changes() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(MAX_CHANGES_LISTED),
                RoutingRuleChange.class);
    }

    private RoutingRuleChange append(RoutingRuleChange change) {
        try {
            return mongo.insert(change);
        } catch (DuplicateKeyException concurrentEdit) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "The routing rules were changed concurrently; read them again and retry."), concurrentEdit);
        }
    }

    private Optional<RoutingRuleChange> newest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                RoutingRuleChange.class));
    }

    private static Optional<RoutingRule> find(RuleSet set, String ruleId) {
        return set.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }
}
