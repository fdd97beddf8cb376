package org.incidentplatform.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process's CPU by kind of thread, from {@code /proc/<pid>/task/<tid>/stat} and its thread
 * names: the JVM's garbage collector and JIT compilers, and in the launcher the embedded MongoDB
 * server, its H2 store and the Kafka broker. A process's total says how much; this says whether it
 * went to the work itself or to the JVM around it. A thread that ends within the window takes its
 * ticks with it, so the kinds can add up to a little less than the total.
 */
public final class ThreadGroups {

    private ThreadGroups() {
    }

    /** CPU ticks (1/100 s) used so far by each kind of thread of the process; empty once it has exited. */
    public static Map<String, Long> ticksByKind(long pid) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ticks.merge(kindOf(Files.readString(task.resolve("comm")).strip()), used, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // The thread ended between listing and reading.
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process has exited.
        }
        return ticks;
    }

    /** The kind of a thread, from the name the JVM or the library gives it (as Linux shortens it, to 15 characters). */
    static String kindOf(String threadName) {
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")
                || threadName.startsWith("VM Periodic")) {
            return "gc";
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (threadName.startsWith("mongo-server")) {
            return "mongodb";
        }
        if (threadName.startsWith("H2-") || threadName.startsWith("MVStore")) {
            return "h2";
        }
        String lower = threadName.toLowerCase();
        if (lower.contains("kafka") || lower.contains("raft") || lower.contains("coordinat") || lower.contains("quorum")
                || lower.contains("data-plane") || lower.contains("controller") || lower.contains("log-cleaner")
                || lower.contains("executor-")) {
            return "kafka";
        }
        return "other";
    }
}
