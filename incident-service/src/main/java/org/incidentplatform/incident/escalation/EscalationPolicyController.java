package org.incidentplatform.incident.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.people.PeopleRepository;
import org.incidentplatform.incident.people.Person;
import org.incidentplatform.incident.people.RosterIds;
import org.incidentplatform.incident.schedules.OnCall;
import org.incidentplatform.incident.web.AlreadyExists;
import org.incidentplatform.incident.web.ChangedSinceRead;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.InvalidRequestException;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Escalation policies. Reading needs incidents:read; changes need oncall:admin. */
@RestController
@RequestMapping("/api/v1/escalation-policies")
@Tag(name = "Escalation policies", description = "Who is paged, in which order, until someone acknowledges")
class EscalationPolicyController {

    private final EscalationPolicies policies;
    private final PeopleRepository people;
    private final OnCall onCall;
    private final IntegrationRepository integrations;

    EscalationPolicyController(EscalationPolicies policies, PeopleRepository people, OnCall onCall,
            IntegrationRepository integrations) {
        this.policies = policies;
        this.people = people;
        this.onCall = onCall;
        this.integrations = integrations;
    }

    @Schema(example = "{\"policies\": [{\"id\": \"esc-3f1b2c4d5e6f\", \"name\": \"Database\", \"rounds\": 2}]}")
    record PolicyList(List<EscalationPolicy> policies) {
    }

    @PostMapping
    @Operation(summary = "Create an escalation policy")
    ResponseEntity<EscalationPolicy> create(@Valid @RequestBody EscalationPolicyRequest request) {
        validate(request);
        Instant now = Instant.now();
        EscalationPolicy policy = new EscalationPolicy(RosterIds.next("esc"), request.name(), request.description(),
                request.steps(), request.rounds(), request.integrationIds(), request.services(), request.severities(),
                1, now, now);
        try {
            policies.insert(policy);
        } catch (DuplicateKeyException taken) {
            throw nameTaken(request.name());
        }
        return ResponseEntity.created(URI.create("/api/v1/escalation-policies/" + policy.id()))
                .eTag(ETags.of(policy.version())).body(policy);
    }

    @GetMapping
    @Operation(summary = "List escalation policies", description = "By name, at most 1,000.")
    PolicyList list() {
        return new PolicyList(policies.all());
    }

    @GetMapping("/{policyId}")
    @Operation(summary = "Get an escalation policy")
    ResponseEntity<EscalationPolicy> get(@PathVariable @Size(max = 40) String policyId) {
        EscalationPolicy policy = find(policyId);
        return ResponseEntity.ok().eTag(ETags.of(policy.version())).body(policy);
    }

    @PutMapping("/{policyId}")
    @Operation(summary = "Replace an escalation policy",
            description = "Running escalations follow the policy as it is when each step is reached. If-Match refuses a stale edit.")
    ResponseEntity<EscalationPolicy> replace(@PathVariable @Size(max = 40) String policyId,
            @Valid @RequestBody EscalationPolicyRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        validate(request);
        EscalationPolicy current = current(policyId, ifMatch);
        EscalationPolicy changed = new EscalationPolicy(current.id(), request.name(), request.description(),
                request.steps(), request.rounds(), request.integrationIds(), request.services(), request.severities(),
                current.version() + 1, current.createdAt(), Instant.now());
        try {
            if (!policies.replace(current, changed)) {
                throw ChangedSinceRead.now(current.version());
            }
        } catch (DuplicateKeyException taken) {
            throw nameTaken(request.name());
        }
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @DeleteMapping("/{policyId}")
    @Operation(summary = "Delete an escalation policy", description = "Running escalations by it end at their next step.")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 40) String policyId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        EscalationPolicy current = current(policyId, ifMatch);
        if (!policies.delete(current)) {
            throw ChangedSinceRead.now(current.version());
        }
        return ResponseEntity.noContent().build();
    }

    /** Every target must exist now; a schedule that is later deleted pages nobody and says so on the incident. */
    private void validate(EscalationPolicyRequest request) {
        for (int s = 0; s < request.steps().size(); s++) {
            PolicyStep step = request.steps().get(s);
            step.waitDuration();
            for (int t = 0; t < step.targets().size(); t++) {
                StepTarget target = step.targets().get(t);
                boolean exists = switch (target.type()) {
                    case SCHEDULE -> onCall.at(target.id(), Instant.now()).filter(a -> !a.deleted()).isPresent();
                    case PERSON -> people.person(target.id()).filter(Person::active).isPresent();
                    case TEAM -> people.team(target.id()).isPresent();
                };
                if (!exists) {
                    throw new InvalidRequestException("steps[" + s + "].targets[" + t + "] names "
                            + target.type().name().toLowerCase() + " '" + target.id() + "', which does not exist"
                            + (target.type() == StepTarget.Type.PERSON ? " or is deactivated" : ""));
                }
            }
        }
        for (String integrationId : request.integrationIds()) {
            if (integrations.find(integrationId).isEmpty()) {
                throw new InvalidRequestException("integrationIds names '" + integrationId + "', which is not an integration");
            }
        }
    }

    private EscalationPolicy current(String policyId, String ifMatch) {
        EscalationPolicy current = find(policyId);
        ChangedSinceRead.check(ifMatch, current.version());
        return current;
    }

    private EscalationPolicy find(String policyId) {
        return policies.find(policyId).orElseThrow(() -> NotFound.of("Escalation policy not found",
                "No escalation policy has the id '" + policyId + "'."));
    }

    private static ErrorResponseException nameTaken(String name) {
        return AlreadyExists.of("Escalation policy exists", "An escalation policy named '" + name + "' already exists.", null);
    }
}
