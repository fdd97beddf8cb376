package org.incidentplatform.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.incidentplatform.bench.peer.Peer;
import org.incidentplatform.bench.peer.PlatformPeer;

/**
 * With {@code BENCH_STAGE_DUMP=<file>}, while a steady load runs, appends the platform's stage
 * backlogs ({@link PlatformPeer#stageBacklogs}) once a second to that file: set beside
 * {@code BENCH_LATENCY_DUMP}, it shows in which stage the slow alerts waited. Off (and free)
 * without the variable or for Alertmanager.
 */
final class StageDump implements AutoCloseable {

    private final Thread sampler;

    private StageDump(Thread sampler) {
        this.sampler = sampler;
    }

    static StageDump start(Peer peer) {
        String file = System.getenv("BENCH_STAGE_DUMP");
        if (file == null || file.isBlank() || !(peer instanceof PlatformPeer platform)) {
            return new StageDump(null);
        }
        return new StageDump(Thread.ofPlatform().daemon().name("stage-dump").start(() -> sample(platform, Path.of(file))));
    }

    private static void sample(PlatformPeer platform, Path file) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                String line = Instant.now() + " " + platform.stageBacklogs() + "\n";
                Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Thread.sleep(1000); // A sampling interval, not a wait for a condition: it samples until closed.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("Stage dump stopped: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (sampler != null) {
            sampler.interrupt();
            sampler.join(5000);
        }
    }
}
