package org.incidentplatform.incident.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 412 for a versioned admin record (person, team, schedule) edited since the caller read it. */
public final class ChangedSinceRead {

    private ChangedSinceRead() {
    }

    /** Refuses the change when an If-Match header names another version than the current one. */
    public static void check(String ifMatch, long currentVersion) {
        Long expected = ETags.expectedVersion(ifMatch);
        if (expected != null && expected != currentVersion) {
            throw now(currentVersion);
        }
    }

    public static ErrorResponseException now(long currentVersion) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "It was changed since you read it (now at version " + currentVersion + "); read it again and retry.");
        problem.setTitle("Changed since read");
        problem.setProperty("currentVersion", currentVersion);
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
    }
}
