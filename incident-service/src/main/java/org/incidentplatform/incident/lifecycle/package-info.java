/**
 * The Incident aggregate and the commands that change it. Command handlers check a rule and
 * apply an event from the published contract; event-sourcing handlers only change state, so the
 * aggregate can always be rebuilt from its stored events. The REST endpoints that send these
 * commands live here too, next to the rules they expose.
 */
package org.incidentplatform.incident.lifecycle;
