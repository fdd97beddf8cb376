/**
 * Group commit for what runs inside a command's unit of work: handlers that used to write once
 * per event collect the unit's events and write them once when it commits, so a command that
 * stores five hundred alert events costs one projection write, not five hundred.
 */
package org.incidentplatform.incident.batching;
