package org.incidentplatform.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored API key. The secret itself is never stored: {@code _id} is its SHA-256 hash, so a
 * lookup is one read by primary key and a leaked database does not leak usable keys.
 *
 * @param hash      SHA-256 of the whole key, hex
 * @param keyId     public identifier used to list and revoke it
 * @param name      what the key is for, e.g. "grafana-oncall-migration"
 * @param scopes    what it may do
 * @param prefix    the first characters of the key, so people can recognise it
 * @param createdBy who created it
 * @param createdAt when
 * @param revokedAt when it was revoked, null while valid
 */
@Document("api_keys")
public record ApiKey(@Id String hash, String keyId, String name, List<String> scopes, String prefix,
        String createdBy, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
