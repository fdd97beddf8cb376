package org.incidentplatform.bench.scenario;

import java.io.IOException;
import java.util.Map;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.measure.ResourceSampler;
import org.incidentplatform.bench.peer.Peer;
import org.incidentplatform.bench.peer.PlatformPeer;

/**
 * What a scenario's alerts cost the peer: CPU milliseconds per alert per process (from
 * {@code /proc/<pid>/stat}) and, for the platform, MongoDB commands (the services'
 * {@code mongodb_driver_commands_seconds_count}) and Kafka requests (the clients' request totals)
 * per alert, between {@link #start} and {@link #finish}.
 */
final class CostPerAlert {

    /** Below this many CPU ticks per second, all processes together, a peer counts as idle (30% of one core). */
    private static final long QUIET_TICKS_PER_SECOND = 30;

    private final Peer peer;
    private final long mongoBefore;
    private final long kafkaBefore;
    private final ResourceSampler sampler;
    private final long start = System.nanoTime();

    private CostPerAlert(Peer peer) throws IOException, InterruptedException {
        this.peer = peer;
        this.mongoBefore = peer instanceof PlatformPeer platform ? platform.mongoCommands() : 0;
        this.kafkaBefore = peer instanceof PlatformPeer platform ? platform.kafkaRequests() : 0;
        this.sampler = new ResourceSampler(peer.processes());
    }

    static CostPerAlert start(Peer peer) throws IOException, InterruptedException {
        return new CostPerAlert(peer);
    }

    /**
     * Adds {@code cpu_ms_per_alert[process]}, {@code [total]} and, for the platform, the same by kind
     * of thread within each process ({@code [process: gc threads]}, ...), commands and requests per alert.
     *
     * @return each process's usage over the same time, for figures of its own
     */
    Map<String, ResourceSampler.Usage> finish(Figures figures, int alerts) throws IOException, InterruptedException {
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, ResourceSampler.Usage> usage = sampler.finish();
        double totalCpuMs = 0;
        for (var use : usage.entrySet()) {
            double cpuMs = use.getValue().cpuPercentOfOneCore() / 100 * seconds * 1000;
            totalCpuMs += cpuMs;
            figures.put("cpu_ms_per_alert[" + use.getKey() + "]", cpuMs / alerts);
            if (peer instanceof PlatformPeer) {
                use.getValue().cpuMsByKind().forEach((kind, ms) ->
                        figures.put("cpu_ms_per_alert[" + use.getKey() + ": " + kind + " threads]", ms / alerts));
            }
        }
        figures.put("cpu_ms_per_alert[total]", totalCpuMs / alerts);
        if (peer instanceof PlatformPeer platform) {
            figures.put("mongo_commands_per_alert", (platform.mongoCommands() - mongoBefore) / (double) alerts);
            figures.put("kafka_requests_per_alert", (platform.kafkaRequests() - kafkaBefore) / (double) alerts);
        }
        return usage;
    }

    /** Seconds since {@link #start}. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until two consecutive seconds in which the peer's processes used less than the quiet threshold. */
    static void waitUntilQuiet(Map<String, ProcessHandle> processes, long deadline) throws InterruptedException {
        int quietSeconds = 0;
        long before = totalTicks(processes);
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = totalTicks(processes);
            quietSeconds = now - before < QUIET_TICKS_PER_SECOND ? quietSeconds + 1 : 0;
            before = now;
        }
    }

    private static long totalTicks(Map<String, ProcessHandle> processes) {
        return processes.values().stream().mapToLong(process -> ResourceSampler.cpuTicks(process.pid())).sum();
    }
}
