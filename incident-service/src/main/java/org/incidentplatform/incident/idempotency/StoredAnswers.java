package org.incidentplatform.incident.idempotency;

import java.util.Set;

/**
 * Which answers a repeat gets again. Only final ones: a success, or a client error that the same
 * request would get again. Not an authentication failure (the caller may fix its credentials),
 * not "busy" or "conflict" answers that invite a retry, and never a server error.
 */
final class StoredAnswers {

    /** 401 and 403: credentials; 408, 409, 425, 429: answers that ask the client to try again. */
    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(401, 403, 408, 409, 425, 429);

    private StoredAnswers() {
    }

    static boolean isFinal(int status) {
        return status / 100 == 2 || (status / 100 == 4 && !RETRYABLE_CLIENT_ERRORS.contains(status));
    }
}
