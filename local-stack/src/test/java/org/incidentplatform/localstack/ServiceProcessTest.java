package org.incidentplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that fails to start says why in the exception, not only in a log that may be deleted with its directory. */
class ServiceProcessTest {

    @TempDir
    Path logs;

    @Test
    void theLastLinesOfTheLogComeWithTheFailure() throws Exception {
        Path log = logs.resolve("notification-service.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));

        String tail = ServiceProcess.tail(log, 40);

        assertThat(tail).startsWith("line 61\n").endsWith("line 100").doesNotContain("line 60\n");
        assertThat(ServiceProcess.tail(logs.resolve("missing.log"), 40)).startsWith("(the log could not be read");
    }
}
