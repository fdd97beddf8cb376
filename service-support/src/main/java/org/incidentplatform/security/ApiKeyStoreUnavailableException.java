package org.incidentplatform.security;

/**
 * The API-key store could not be read or written: MongoDB unreachable or timing out, or this
 * service's database user not allowed on the auth database. Whether a key is valid is then
 * unknown, so callers get 503 with Retry-After ({@link ApiKeyStoreOutageFilter}), never a 401
 * for a key that may be fine or a 500 for a state the service recovers from.
 */
public class ApiKeyStoreUnavailableException extends RuntimeException {

    ApiKeyStoreUnavailableException(RuntimeException cause) {
        super("The API-key store cannot be used: " + cause.getClass().getSimpleName(), cause);
    }
}
