package org.incidentplatform.security;

import com.mongodb.MongoException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * API keys in the shared {@code auth} database. Valid keys are cached for a short time so that a
 * busy client does not cost a database read per request; a revocation therefore takes effect
 * within {@link #CACHE_TTL} on every service. Any failure of the database (unreachable, timing out,
 * this service's user not allowed on the auth database) is an {@link ApiKeyStoreUnavailableException}.
 */
public class ApiKeyStore {

    public static final String PREFIX = "ipk_";
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final MongoTemplate auth;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ApiKey key, Instant until) {
    }

    /** The key as created: the only moment its secret is known. */
    public record Created(ApiKey key, String secret) {
    }

    public ApiKeyStore(MongoTemplate auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    public Created create(String name, List<String> scopes, String createdBy) {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        ApiKey key = new ApiKey(hash(secret.toString()), "key_" + UUID.randomUUID().toString().substring(0, 12),
                name, List.copyOf(scopes), secret.substring(0, PREFIX.length() + 4), createdBy, clock.instant(), null);
        guarded(() -> auth.insert(key));
        return new Created(key, secret.toString());
    }

    /** The valid (not revoked) key with this secret. */
    public Optional<ApiKey> findValid(String secret) {
        String hash = hash(secret);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.key());
        }
        ApiKey key = guarded(() -> auth.findById(hash, ApiKey.class));
        if (key == null || key.revoked()) {
            cache.remove(hash);
            return Optional.empty();
        }
        cache.put(hash, new Cached(key, now.plus(CACHE_TTL)));
        return Optional.of(key);
    }

    public List<ApiKey> list() {
        return guarded(() -> auth.find(new Query().with(Sort.by("createdAt")).limit(1000), ApiKey.class));
    }

    /** Revokes a key by its public id; false when there is no such key. */
    public boolean revoke(String keyId) {
        ApiKey revoked = guarded(() -> auth.findAndModify(Query.query(Criteria.where("keyId").is(keyId)),
                new Update().set("revokedAt", clock.instant()), ApiKey.class));
        if (revoked != null) {
            cache.remove(revoked.hash());
        }
        return revoked != null;
    }

    private static <T> T guarded(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException | MongoException failure) {
            throw new ApiKeyStoreUnavailableException(failure);
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
