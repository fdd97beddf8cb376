package org.incidentplatform.incident.web;

/** A request that is well-formed JSON but carries a value this API cannot accept: a 400. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
