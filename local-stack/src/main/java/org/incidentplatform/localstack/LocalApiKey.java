package org.incidentplatform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The bootstrap admin key of the local stack: INCIDENTS_API_KEY when set; otherwise one made on
 * first start and kept in the data directory, so that the key printed once keeps working after
 * a restart. The key file and the data directory are readable by their owner only.
 */
final class LocalApiKey {

    private LocalApiKey() {
    }

    static String resolve(Map<String, String> env, Path dataDir) {
        String fromEnvironment = env.get("INCIDENTS_API_KEY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        OwnerOnlyFiles.directory(dataDir);
        Path file = dataDir.resolve("api-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(OwnerOnlyFiles.file(file)).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "local-admin-" + HexFormat.of().formatHex(random);
            OwnerOnlyFiles.write(file, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
