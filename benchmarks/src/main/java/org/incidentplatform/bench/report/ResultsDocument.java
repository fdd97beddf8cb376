package org.incidentplatform.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.incidentplatform.bench.measure.Figures;

/**
 * Appends one invocation's results to the benchmark log in Markdown: when, which commit, on what
 * machine, with what arguments; every run's figures; and per figure the median of the runs for
 * each peer with ours divided by Alertmanager's.
 */
public final class ResultsDocument {

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Map<String, List<Figures>>> cases = new java.util.LinkedHashMap<>();

    public ResultsDocument(String title, String arguments, Path projectRoot) {
        text.append("\n## ").append(title).append('\n').append('\n')
                .append("- date: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n')
                .append("- commit: ").append(Machine.commit(projectRoot)).append('\n')
                .append("- machine: ").append(Machine.describe()).append('\n')
                .append("- command: `benchmarks/run.sh ").append(arguments).append("`\n");
    }

    /** Every run's figures for one scenario case, and the medians side by side. */
    public void addCase(String scenario, Map<String, List<Figures>> runsByPeer) {
        cases.put(scenario, runsByPeer);
        text.append("\n### ").append(scenario).append("\n\n");
        Set<String> names = new LinkedHashSet<>();
        runsByPeer.values().forEach(runs -> runs.forEach(run -> names.addAll(run.values().keySet())));
        List<String> peers = new ArrayList<>(runsByPeer.keySet());
        boolean ratio = peers.contains("platform") && peers.contains("alertmanager");
        text.append("| figure |");
        peers.forEach(peer -> text.append(' ').append(peer).append(" (runs) | ").append(peer).append(" median |"));
        if (ratio) {
            text.append(" platform / alertmanager |");
        }
        text.append('\n').append("|---|");
        peers.forEach(peer -> text.append("---|---|"));
        text.append(ratio ? "---|\n" : "\n");
        for (String name : names) {
            text.append("| ").append(name).append(" |");
            for (String peer : peers) {
                List<Figures> runs = runsByPeer.get(peer);
                text.append(' ').append(String.join(", ", runs.stream().map(run -> format(run.get(name))).toList()))
                        .append(" | ").append(format(Figures.median(runs).get(name))).append(" |");
            }
            if (ratio) {
                double ours = Figures.median(runsByPeer.get("platform")).get(name);
                double theirs = Figures.median(runsByPeer.get("alertmanager")).get(name);
                text.append(' ').append(theirs == 0 || Double.isNaN(ours) || Double.isNaN(theirs) ? "" : format(ours / theirs))
                        .append(" |");
            }
            text.append('\n');
        }
    }

    /** Every case recorded so far: scenario title to peer to its runs. */
    public Map<String, Map<String, List<Figures>>> cases() {
        return cases;
    }

    public void addNote(String note) {
        text.append('\n').append(note).append('\n');
    }

    public String text() {
        return text.toString();
    }

    public void appendTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmark runs\n\nAppended by the harness (docs/benchmarks.md); newest last.\n");
        }
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
