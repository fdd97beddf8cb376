package org.incidentplatform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its output going to a log file. */
public final class ServiceProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess start(ServiceSpec spec, Path jar, List<String> jvmOptions, Map<String, String> env,
            Path logDir, Path runDir) {
        return start(spec, spec.name(), jar, jvmOptions, env, logDir, runDir);
    }

    /**
     * Starts one instance of a service. {@code instance} names its log and pid files, so that two
     * instances of one service (the fault-injection suite runs two of each) keep them apart.
     */
    public static ServiceProcess start(ServiceSpec spec, String instance, Path jar, List<String> jvmOptions,
            Map<String, String> env, Path logDir, Path runDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ". Build the services first: ./mvnw -DskipTests package");
        }
        try {
            // Logs hold request details and stack traces: the owner's only, also when left by an earlier run.
            Path logFile = OwnerOnlyFiles.file(OwnerOnlyFiles.directory(logDir).resolve(instance + ".log"));
            List<String> command = new ArrayList<>();
            // The same JDK that runs the launcher runs the services.
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            // Remembered so that a launcher killed without its shutdown hook (SIGKILL) can clean up next time.
            OwnerOnlyFiles.write(OwnerOnlyFiles.directory(runDir).resolve(instance + ".pid"), String.valueOf(process.pid()));
            return new ServiceProcess(spec, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name(), e);
        }
    }

    /**
     * Stops service processes a previous launcher left running because it was killed without
     * running its shutdown hook. Only processes still running that service's jar are touched.
     */
    static void stopLeftovers(Path runDir, List<ServiceSpec> services) {
        for (ServiceSpec spec : services) {
            Path pidFile = runDir.resolve(spec.name() + ".pid");
            try {
                if (!Files.exists(pidFile)) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid)
                        .filter(p -> p.info().commandLine().orElse("").contains(spec.name() + ".jar"))
                        // A launcher that is still running owns its services: leave them alone, and let
                        // the port check below report that another stack is running.
                        .filter(p -> p.parent().flatMap(parent -> parent.info().commandLine())
                                .map(command -> !command.contains("local-stack")).orElse(true))
                        .ifPresent(ServiceProcess::stopLeftover);
                Files.delete(pidFile);
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("Could not check " + pidFile + ": " + e.getMessage(), e);
            }
        }
    }

    private static void stopLeftover(ProcessHandle leftover) {
        System.out.println("Stopping " + leftover.info().commandLine().orElse("") + " left over from an earlier run");
        leftover.destroy();
        try {
            leftover.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            leftover.destroyForcibly();
        }
    }

    /** Waits until the service's readiness probe answers UP, or gives up when {@code abandoned} turns true. */
    public void awaitReady(Duration timeout, java.util.function.BooleanSupplier abandoned) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !abandoned.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + "; see " + logFile + ". Its last lines:\n" + tail(logFile, 40));
            }
            try {
                HttpResponse<String> response = client.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        if (abandoned.getAsBoolean()) {
            return;
        }
        throw new IllegalStateException(spec.name() + " was not ready after " + timeout + "; see " + logFile);
    }

    /** The last lines of a log, so that a failed start says why even after its directory is gone (a test's). */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(the log could not be read: " + unreadable + ")";
        }
    }

    /** SIGTERM, so the service shuts down gracefully (commits offsets, releases claims). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: the process gets no chance to finish a batch, commit an offset or release a lease. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path logFile() {
        return logFile;
    }
}
