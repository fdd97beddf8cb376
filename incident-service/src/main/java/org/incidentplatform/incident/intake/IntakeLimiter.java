package org.incidentplatform.incident.intake;

import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Bounds the alert requests processed at once. Past the bound a sender gets 429 with Retry-After
 * at once, before anything is stored, and retries (Alertmanager and Grafana do), instead of all
 * requests slowing down until senders time out.
 */
@Component
class IntakeLimiter {

    private final Semaphore permits;
    private final int maxConcurrent;

    IntakeLimiter(@Value("${incidents.intake.max-concurrent-requests:64}") int maxConcurrent) {
        this.permits = new Semaphore(maxConcurrent);
        this.maxConcurrent = maxConcurrent;
    }

    /** Alert requests being processed now, the caller's own included when it holds a permit. */
    int inFlight() {
        return maxConcurrent - permits.availablePermits();
    }

    <T> T withPermit(java.util.function.Supplier<T> work) {
        if (!permits.tryAcquire()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many alert requests are being processed; retry after the seconds in Retry-After.");
            problem.setTitle("Intake overloaded");
            ErrorResponseException busy = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
            busy.getHeaders().set("Retry-After", "1");
            throw busy;
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
