package org.incidentplatform.incident.lifecycle;

import static org.incidentplatform.incident.web.ProblemDetails.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the lifecycle's own refusals. They live beside the rules that raise them,
 * so the shared web package knows nothing of incident states and depends on no feature.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LifecycleProblems {

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not allowed in the current status", e.getMessage());
        problem.setProperty("currentStatus", e.currentStatus());
        problem.setProperty("action", e.action());
        problem.setProperty("allowedActions", e.allowedActions());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail staleVersion(StaleVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "Stale version", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail partNotFound(PartNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }
}
