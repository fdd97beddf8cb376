package org.incidentplatform.pagelinks;

import java.time.Instant;

/**
 * What an acknowledge link in a page stands for: this person may acknowledge this incident, once,
 * until {@code expiresAt}.
 */
public record PageLink(String pageId, String incidentId, String personId, Instant expiresAt) {
}
