package org.incidentplatform.incident.web;

import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.incidentplatform.logging.OutageLog;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A store outage turned into 503 with Retry-After, so senders retry instead of giving up. */
final class StoreUnavailable {

    private static final OutageLog outages = new OutageLog(LoggerFactory.getLogger(StoreUnavailable.class), "MongoDB");

    private StoreUnavailable() {
    }

    /** True when the chain of causes shows MongoDB unreachable or timing out (not a duplicate key). */
    static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return true;
            }
            if (t instanceof MongoServerException server && server.getCode() == 11000) {
                return false; // duplicate key: a real conflict
            }
        }
        return false;
    }

    /** Logged (at most every 10 s), because the sender only sees "retry": the operator needs to see why. */
    static ResponseEntity<ProblemDetail> answer(Throwable cause) {
        outages.answering503(cause);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event store cannot be reached right now; nothing was stored. Retry after the seconds in Retry-After.");
        problem.setTitle("Store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }
}
