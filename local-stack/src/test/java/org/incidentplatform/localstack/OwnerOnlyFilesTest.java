package org.incidentplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher writes (the admin key, service logs, pid files, the store's and the broker's
 * data) is readable by the user who started it and by nobody else on the machine.
 */
class OwnerOnlyFilesTest {

    private static final String OWNER_ONLY_DIRECTORY = "rwx------";
    private static final String OWNER_ONLY_FILE = "rw-------";

    @TempDir
    Path root;

    @Test
    void theGeneratedApiKeyAndTheDataDirectoryAreTheOwnersOnly() throws IOException {
        Path dataDir = root.resolve("data");

        LocalApiKey.resolve(Map.of(), dataDir);

        assertThat(permissions(dataDir)).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(permissions(dataDir.resolve("api-key"))).isEqualTo(OWNER_ONLY_FILE);
    }

    @Test
    void aDataDirectoryAndKeyLeftReadableByAnEarlierVersionAreTightened() throws IOException {
        Path dataDir = Files.createDirectories(root.resolve("data"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = Files.writeString(dataDir.resolve("api-key"), "local-admin-earlier");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(LocalApiKey.resolve(Map.of(), dataDir)).isEqualTo("local-admin-earlier");

        assertThat(permissions(dataDir)).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(permissions(key)).isEqualTo(OWNER_ONLY_FILE);
    }

    @Test
    void serviceLogsAndPidFilesAreTheOwnersOnlyAlsoWhenLeftOverReadable() throws Exception {
        Path logs = root.resolve("logs");
        Path run = root.resolve("run");
        Path earlierLog = Files.writeString(Files.createDirectories(logs).resolve("second.log"), "earlier run\n");
        Files.setPosixFilePermissions(earlierLog, PosixFilePermissions.fromString("rw-r--r--"));
        // Not a jar: java starts, says so in the log and exits, which is all this test needs.
        Path jar = Files.writeString(root.resolve("not-a.jar"), "");
        ServiceSpec spec = new ServiceSpec("example-service", 1, "example");

        for (String instance : List.of("first", "second")) {
            ServiceProcess process = ServiceProcess.start(spec, instance, jar, List.of(), Map.of(), logs, run);
            process.stop();
        }

        assertThat(permissions(logs)).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(permissions(run)).isEqualTo(OWNER_ONLY_DIRECTORY);
        for (String instance : List.of("first", "second")) {
            assertThat(permissions(logs.resolve(instance + ".log"))).as(instance + ".log").isEqualTo(OWNER_ONLY_FILE);
            assertThat(permissions(run.resolve(instance + ".pid"))).as(instance + ".pid").isEqualTo(OWNER_ONLY_FILE);
        }
        assertThat(Files.readString(earlierLog)).startsWith("earlier run\n");
    }

    @Test
    void theStoreAndTheBrokerKeepTheirDataInOwnerOnlyDirectoriesAndEarlierFilesAreTightened() throws IOException {
        Path dataDir = root.resolve("data");
        Path earlierStore = worldReadable(dataDir, "mongodb/data.mv");
        Path earlierBroker = worldReadable(dataDir, "kafka/incident-events.v1-0/00.log");
        LocalStackConfig config = LocalStackConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString()));

        LocalStack.store(config);
        LocalStack.broker(config);

        assertThat(permissions(dataDir.resolve("mongodb"))).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(permissions(dataDir.resolve("kafka"))).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(permissions(earlierBroker.getParent())).isEqualTo(OWNER_ONLY_DIRECTORY);
        assertThat(permissions(earlierStore)).isEqualTo(OWNER_ONLY_FILE);
        assertThat(permissions(earlierBroker)).isEqualTo(OWNER_ONLY_FILE);
    }

    /** A file as an earlier version left it: readable by everyone, in directories everyone can enter. */
    private static Path worldReadable(Path dataDir, String relative) throws IOException {
        Path file = dataDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "earlier run");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        for (Path directory = file.getParent(); !directory.equals(dataDir); directory = directory.getParent()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return file;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
