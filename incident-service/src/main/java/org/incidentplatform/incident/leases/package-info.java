/**
 * Leases in MongoDB for work one instance does at a time (the event relay, the intake queue).
 */
package org.incidentplatform.incident.leases;
