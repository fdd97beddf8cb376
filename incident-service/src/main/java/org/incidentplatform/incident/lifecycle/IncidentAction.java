package org.incidentplatform.incident.lifecycle;

import java.util.EnumSet;
import java.util.Set;
import org.incidentplatform.events.IncidentStatus;

/**
 * What can be done to an incident, and in which statuses. A 409 lists the actions the current
 * status allows, so a client learns the way forward from the error itself.
 */
public enum IncidentAction {
    ACKNOWLEDGE, POST_STATUS_UPDATE, CHANGE_SEVERITY, ASSIGN_COMMANDER, CHANGE_RESPONDERS, ADD_NOTE,
    ASSESS_IMPACT, MITIGATE, RESOLVE, REOPEN, EDIT_POSTMORTEM, EDIT_ACTION_ITEMS, CLOSE, ATTACH_ALERT, PAGE;

    private static final Set<IncidentAction> ALWAYS = EnumSet.of(ADD_NOTE, ASSESS_IMPACT, EDIT_POSTMORTEM, EDIT_ACTION_ITEMS);
    private static final Set<IncidentAction> WHILE_OPEN = EnumSet.of(POST_STATUS_UPDATE, CHANGE_SEVERITY,
            ASSIGN_COMMANDER, CHANGE_RESPONDERS, MITIGATE, RESOLVE, ATTACH_ALERT, PAGE);

    /** The actions an incident in this status accepts. */
    public static Set<IncidentAction> allowedIn(IncidentStatus status) {
        Set<IncidentAction> allowed = EnumSet.copyOf(ALWAYS);
        switch (status) {
            case TRIGGERED -> {
                allowed.addAll(WHILE_OPEN);
                allowed.add(ACKNOWLEDGE);
            }
            case ACKNOWLEDGED, INVESTIGATING, IDENTIFIED, MONITORING -> allowed.addAll(WHILE_OPEN);
            case RESOLVED -> allowed.addAll(EnumSet.of(REOPEN, CLOSE, CHANGE_SEVERITY, ASSIGN_COMMANDER, CHANGE_RESPONDERS));
            case CLOSED -> { }
        }
        return allowed;
    }
}
