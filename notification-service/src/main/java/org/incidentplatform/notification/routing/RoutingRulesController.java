package org.incidentplatform.notification.routing;

import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read and edit the routing rules; every edit is kept in the change log. */
@RestController
@RequestMapping("/api/v1/admin/routing-rules")
class RoutingRulesController {

    private final RoutingRules rules;
    private final RoutingRuleValidator validator;

    RoutingRulesController(RoutingRules rules, RoutingRuleValidator validator) {
        this.rules = rules;
        this.validator = validator;
    }

    record RuleSetResponse(long version, List<RoutingRule> rules) {
    }

    record ChangeResponse(long version, java.time.Instant at, String actor, String ruleId, String action,
            RoutingRule before, RoutingRule after) {

        static ChangeResponse of(RoutingRuleChange change) {
            return new ChangeResponse(change.version(), change.at(), change.actor(), change.ruleId(), change.action(),
                    change.before(), change.after());
        }
    }

    record ChangeList(List<ChangeResponse> changes) {
    }

    @GetMapping
    RuleSetResponse rules() {
        RoutingRules.RuleSet set = rules.current();
        return new RuleSetResponse(set.version(), set.rules());
    }

    /** The change log, newest first. */
    @GetMapping("/changes")
    ChangeList changes() {
        return new ChangeList(rules.changes().stream().map(ChangeResponse::of).toList());
    }

    @PutMapping("/{ruleId}")
    ChangeResponse put(@PathVariable String ruleId, @RequestBody RoutingRule rule, Principal caller) {
        if (rule.id() != null && !rule.id().equals(ruleId)) {
            throw badRequest(List.of("id in the body must match the path or be left out"));
        }
        RoutingRule named = rule.withId(ruleId);
        List<String> problems = validator.problems(named);
        if (!problems.isEmpty()) {
            throw badRequest(problems);
        }
        return ChangeResponse.of(rules.put(named, caller.getName()));
    }

    @DeleteMapping("/{ruleId}")
    ResponseEntity<ChangeResponse> delete(@PathVariable String ruleId, Principal caller) {
        return rules.delete(ruleId, caller.getName()).map(ChangeResponse::of).map(ResponseEntity::ok)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No routing rule " + ruleId), null));
    }

    private static ErrorResponseException badRequest(List<String> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The routing rule is not valid: " + String.join("; ", problems));
        problem.setProperty("errors", problems);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
