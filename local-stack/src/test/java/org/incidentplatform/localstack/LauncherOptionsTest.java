package org.incidentplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher's JVM options are one file that ./run.sh (and the benchmark harness) hand to java. */
class LauncherOptionsTest {

    private static final Path OPTIONS = Path.of("launcher.jvm-options");

    @Test
    void runShStartsTheLauncherWithTheOptionsFile() throws Exception {
        assertThat(Files.readString(Path.of("..", "run.sh")))
                .contains("java\" @local-stack/launcher.jvm-options -jar local-stack/target/local-stack.jar");
    }

    @Test
    void theJvmAcceptsTheOptions() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "@" + OPTIONS.toAbsolutePath(), "-XX:+PrintCommandLineFlags", "-version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("-XX:+UseSerialGC");
    }
}
