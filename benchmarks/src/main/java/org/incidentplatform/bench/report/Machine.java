package org.incidentplatform.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The facts a result is meaningless without: the commit measured and the machine it ran on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        return "%d cores (%s), %s memory, %s, Java %s, Alertmanager %s".formatted(
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), Runtime.version(), run(Path.of("."),
                        "/usr/bin/prometheus-alertmanager", "--version").lines().findFirst().orElse("?"));
    }

    static String commit(Path projectRoot) {
        String commit = run(projectRoot, "git", "rev-parse", "--short", "HEAD").trim();
        String dirty = run(projectRoot, "git", "status", "--porcelain", "--untracked-files=no").isBlank() ? "" : " (with uncommitted changes)";
        return commit.isEmpty() ? "unknown" : commit + dirty;
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
