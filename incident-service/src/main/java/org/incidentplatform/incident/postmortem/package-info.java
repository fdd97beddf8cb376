/**
 * The post-mortem content of an incident: user-facing impact, the written sections (root cause,
 * contributing factors, what went well and wrong, lessons) and follow-up action items. Written
 * through commands on the Incident aggregate like everything else, so every edit is versioned
 * and audited.
 */
package org.incidentplatform.incident.postmortem;
