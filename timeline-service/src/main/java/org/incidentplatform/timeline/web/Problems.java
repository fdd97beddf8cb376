package org.incidentplatform.timeline.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem responses the features share besides invalid parameters. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** A 503 that tells the client when to come back. */
    public static ErrorResponseException unavailable(String title, String detail, int retryAfterSeconds) {
        ErrorResponseException unavailable = of(HttpStatus.SERVICE_UNAVAILABLE, title, detail);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return unavailable;
    }
}
