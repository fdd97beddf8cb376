package org.incidentplatform.incident.lifecycle;

/** A command names a part of the incident (a responder, an action item) that it does not have. */
public class PartNotFoundException extends RuntimeException {

    public PartNotFoundException(String message) {
        super(message);
    }
}
