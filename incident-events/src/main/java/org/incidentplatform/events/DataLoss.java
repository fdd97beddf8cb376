package org.incidentplatform.events;

/**
 * Whether data was lost.
 *
 * @param occurred    true when any data was lost
 * @param description what was lost, may be null
 */
public record DataLoss(boolean occurred, String description) {
}
