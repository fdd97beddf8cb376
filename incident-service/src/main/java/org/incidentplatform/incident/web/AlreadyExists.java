package org.incidentplatform.incident.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409 for an admin record whose unique name (or e-mail address) is taken. */
public final class AlreadyExists {

    private AlreadyExists() {
    }

    /** Detail must name only values bean validation has bounded (names, e-mail addresses). */
    public static ErrorResponseException of(String title, String detail, Throwable cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, cause);
    }
}
