package org.incidentplatform.incident.web;

import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentplatform.security.RequestBodyTooLargeException;
import org.incidentplatform.strictjson.BodyProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error. Each says precisely what is wrong and, where there
 * is one, the way forward: the fields to fix, the actions the current status allows, the version
 * to re-read.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail incidentNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Incident not found",
                "No incident has the id '" + clip(String.valueOf(e.getAggregateIdentifier())) + "'.");
    }

    /**
     * Two writers raced for the same incident version and the unique index let only one win; or
     * the event store could not be reached at all, which is not the client's conflict but a 503
     * to retry: nothing was stored, and a 202 or 201 is never sent for what was not stored.
     */
    @ExceptionHandler({ConcurrencyException.class, EventStoreException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        if (StoreUnavailable.isCause(e)) {
            return StoreUnavailable.answer(e);
        }
        // Alert intake retries these itself, so one that reaches a sender is worth a line in the log;
        // INFO, not WARN: for the incident API a race between two people is an ordinary 409.
        logger.info("Concurrent change, answering 409: " + e);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Concurrent change",
                "The incident was changed by another request at the same moment. Read it again and retry."));
    }

    /** MongoDB (event store or views) is unreachable: retry later; nothing was stored. */
    @ExceptionHandler({com.mongodb.MongoException.class, org.springframework.dao.DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        return StoreUnavailable.answer(e);
    }

    /**
     * A constraint on a parameter of a {@code @Validated} controller (e.g. {@code limit} above its
     * maximum): Spring's method-validation proxy throws this instead of MVC's own exception.
     */
    @ExceptionHandler
    ResponseEntity<Object> constraintViolated(jakarta.validation.ConstraintViolationException e) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.<String, Object>of("field", lastNode(String.valueOf(v.getPropertyPath())),
                        "message", String.valueOf(v.getMessage())))
                .toList();
        return invalidFields(errors);
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.<String, Object>of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        return invalidFields(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.<String, Object>of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalidFields(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyTooLargeException.isCause(ex)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large", "The request body is larger than this endpoint accepts."));
        }
        // Names the field (path and JSON pointer) without echoing the value; see service-support's strictjson.
        return ResponseEntity.badRequest().body(BodyProblems.unreadable(ex));
    }

    private static ResponseEntity<Object> invalidFields(List<Map<String, Object>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static String clip(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "..." : value;
    }
}
