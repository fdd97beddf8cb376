package org.incidentplatform.events;

/** Who may read a note: responders only, or also the public (status page, public post-mortem). */
public enum Visibility {
    INTERNAL, PUBLIC
}
