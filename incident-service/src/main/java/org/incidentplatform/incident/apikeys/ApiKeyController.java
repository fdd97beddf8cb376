package org.incidentplatform.incident.apikeys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.incidentplatform.incident.web.NotFound;
import org.incidentplatform.security.ApiKey;
import org.incidentplatform.security.ApiKeyStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Creates, lists and revokes API keys; requires the admin scope. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Admin: keys for scripts, bots and integrations")
class ApiKeyController {

    private final ApiKeyStore keys;

    ApiKeyController(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Schema(example = "{\"name\": \"oncall-bot\", \"scopes\": [\"incidents:read\", \"incidents:write\"]}")
    record CreateKeyRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+") String name,
            @NotEmpty @Size(max = 5) List<@Pattern(regexp = "incidents:read|incidents:write|integrations:admin|oncall:admin|admin") String> scopes) {
    }

    /** A key as listed: never its secret or its hash. */
    record KeyView(String keyId, String name, List<String> scopes, String prefix, String createdBy,
            Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.keyId(), key.name(), key.scopes(), key.prefix(), key.createdBy(),
                    key.createdAt(), key.revokedAt());
        }
    }

    @Schema(example = """
            {"keyId": "key_3f1b2c4d5e6f", "name": "oncall-bot", "scopes": ["incidents:read", "incidents:write"],
             "prefix": "ipk_Ab3x", "createdBy": "apikey:bootstrap-admin", "createdAt": "2026-11-21T10:00:00Z",
             "key": "ipk_Ab3xY..."}""")
    record CreatedKey(String keyId, String name, List<String> scopes, String prefix, String createdBy,
            Instant createdAt, @Schema(description = "The secret: shown only in this response") String key) {
    }

    @Schema(example = "{\"keys\": [{\"keyId\": \"key_3f1b2c4d5e6f\", \"name\": \"oncall-bot\", \"scopes\": [\"incidents:read\"], \"prefix\": \"ipk_Ab3x\"}]}")
    record KeyList(List<KeyView> keys) {
    }

    @PostMapping
    @Operation(summary = "Create an API key", description = "The response is the only time the key's secret is shown.")
    ResponseEntity<CreatedKey> create(@Valid @RequestBody CreateKeyRequest request, Principal caller) {
        ApiKeyStore.Created created = keys.create(request.name(), request.scopes(), caller.getName());
        ApiKey key = created.key();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.keyId()))
                .body(new CreatedKey(key.keyId(), key.name(), key.scopes(), key.prefix(), key.createdBy(),
                        key.createdAt(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "List API keys", description = "Names, scopes and prefixes; never secrets.")
    KeyList list() {
        return new KeyList(keys.list().stream().map(KeyView::of).toList());
    }

    @DeleteMapping("/{keyId}")
    @Operation(summary = "Revoke an API key", description = "Takes effect on every service within 30 seconds.")
    ResponseEntity<Void> revoke(@PathVariable @Size(max = 40) String keyId) {
        if (!keys.revoke(keyId)) {
            throw NotFound.of("API key not found", "No API key has the id '" + keyId + "'.");
        }
        return ResponseEntity.noContent().build();
    }
}
