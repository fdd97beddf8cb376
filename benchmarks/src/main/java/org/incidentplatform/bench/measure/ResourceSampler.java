package org.incidentplatform.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and resident memory of a peer's processes, read from /proc once a second while a
 * scenario runs. CPU is reported as a percentage of one core over the sampled window.
 */
public final class ResourceSampler implements AutoCloseable {

    /** Linux's USER_HZ, the unit of utime and stime in /proc/PID/stat, on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** {@code cpuMsByKind}: milliseconds of CPU per {@link ThreadGroups kind of thread} over the window. */
    public record Usage(double cpuPercentOfOneCore, double peakRssMegabytes, Map<String, Double> cpuMsByKind) {
    }

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKb = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> startTicksByKind = new LinkedHashMap<>();
    private final Thread thread;
    private final long startNanos;
    private volatile boolean running = true;

    public ResourceSampler(Map<String, ProcessHandle> processes) {
        this.processes = processes;
        processes.forEach((role, process) -> startTicks.put(role, cpuTicks(process.pid())));
        processes.forEach((role, process) -> startTicksByKind.put(role, ThreadGroups.ticksByKind(process.pid())));
        startNanos = System.nanoTime();
        thread = Thread.ofPlatform().daemon().name("resource-sampler").start(this::sample);
    }

    private void sample() {
        while (running) {
            processes.forEach((role, process) -> peakRssKb.merge(role, rssKb(process.pid()), Math::max));
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and returns each process's usage over the window, by role. */
    public Map<String, Usage> finish() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        processes.forEach((role, process) -> {
            long ticks = cpuTicks(process.pid()) - startTicks.get(role);
            Map<String, Double> byKind = new LinkedHashMap<>();
            Map<String, Long> before = startTicksByKind.get(role);
            ThreadGroups.ticksByKind(process.pid()).forEach((kind, now) ->
                    byKind.put(kind, (now - before.getOrDefault(kind, 0L)) * 1000 / TICKS_PER_SECOND));
            usage.put(role, new Usage(100.0 * ticks / TICKS_PER_SECOND / seconds,
                    peakRssKb.getOrDefault(role, rssKb(process.pid())) / 1024.0, byKind));
        });
        return usage;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    /** CPU time (user and system) the process has used, in ticks of 1/100 s; 0 once it has exited. */
    public static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process has exited.
        }
        return 0;
    }
}
