package org.incidentplatform.incident.people;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** The API principal who made a change, as the audit trails record it. */
public final class Actors {

    private Actors() {
    }

    public static String of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }
}
