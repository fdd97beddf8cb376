package org.incidentplatform.incident.people;

import java.util.List;

/** A change log page as the API shows it. */
record RosterChanges(List<RosterChange> changes) {

    static RosterChanges of(List<RosterChange> changes) {
        return new RosterChanges(changes);
    }
}
