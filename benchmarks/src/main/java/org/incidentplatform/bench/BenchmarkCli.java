package org.incidentplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.peer.AlertmanagerPeer;
import org.incidentplatform.bench.peer.PeerFactory;
import org.incidentplatform.bench.peer.PlatformPeer;
import org.incidentplatform.bench.report.ResultsDocument;
import org.incidentplatform.bench.scenario.BurstScenario;
import org.incidentplatform.bench.scenario.IntakeScenario;
import org.incidentplatform.bench.scenario.RebuildScenario;
import org.incidentplatform.bench.scenario.StormScenario;
import org.incidentplatform.bench.scenario.SustainedScenario;

/**
 * Runs the chosen scenarios: for each run, each peer in turn on a fresh instance (never both at
 * once, so neither steals the other's cores), then appends every figure and the medians to the
 * results log. See docs/benchmarks.md for the commands and what each figure means.
 */
public final class BenchmarkCli {

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException wrongArguments) {
            // A usage mistake gets the usage line, not a stack trace.
            System.err.println(wrongArguments.getMessage());
            System.exit(2);
            return;
        }
        ResultsDocument document = run(options, String.join(" ", args));
        document.appendTo(options.results());
        System.out.println(document.text());
        System.out.println("Appended to " + options.results());
    }

    /** Runs the scenarios and returns the document; also used by the smoke test. */
    static ResultsDocument run(BenchmarkOptions options, String arguments) throws Exception {
        ResultsDocument document = new ResultsDocument(options.label(), arguments, options.projectRoot());
        Path work = Files.createTempDirectory("bench-");
        Map<String, PeerFactory> peers = new LinkedHashMap<>();
        for (String peer : options.peers()) {
            peers.put(peer, switch (peer) {
                case "alertmanager" -> AlertmanagerPeer::start;
                case "platform" -> (receiver, dir) -> startPlatform(options, receiver, dir);
                default -> throw new IllegalArgumentException("Unknown peer " + peer);
            });
        }
        if (options.includes("intake")) {
            document.addCase("1. Intake: %d connections, %d s, one alert per POST".formatted(options.connections(),
                    options.duration().toSeconds()), repeat(options, peers, (factory, dir) ->
                    IntakeScenario.run(factory, dir, options.duration(), options.connections(), options.warmup())));
        }
        if (options.includes("sustained")) {
            for (int rate : options.rates()) {
                document.addCase("2 and 5. Sustained: %d distinct alerts/s for %d s".formatted(rate,
                        options.duration().toSeconds()), repeat(options, peers, (factory, dir) ->
                        SustainedScenario.run(factory, dir, rate, options.duration(), options.drain(), options.warmup())));
            }
        }
        if (options.includes("burst")) {
            document.addCase("3. Burst: %d distinct alerts over %d connections".formatted(options.burst(),
                    options.connections()), repeat(options, peers, (factory, dir) ->
                    BurstScenario.run(factory, dir, options.burst(), options.connections(), options.drain(), options.warmup())));
        }
        if (options.includes("storm")) {
            document.addCase("6. Storm: %d alerts in %d Alertmanager groups, one request per group".formatted(
                    options.stormAlerts(), options.stormGroups()), repeat(options, peers, (factory, dir) ->
                    StormScenario.run(factory, dir, options.stormAlerts(), options.stormGroups(), options.drain(),
                            options.warmup())));
        }
        if (options.includes("rebuild") && options.peers().contains("platform")) {
            List<Figures> runs = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                System.out.printf("rebuild, run %d of %d%n", run, options.runs());
                runs.add(RebuildScenario.run((receiver, dir) -> startPlatform(options, receiver, dir),
                        Files.createTempDirectory(work, "rebuild-"), options.rebuildAlerts(), options.drain()));
            }
            document.addCase("4. Projection rebuild after %d alerts (events per second; raw = a plain consumer)"
                    .formatted(options.rebuildAlerts()), Map.of("platform", runs));
        }
        return document;
    }

    private static PlatformPeer startPlatform(BenchmarkOptions options, String receiver, Path dir) throws Exception {
        return PlatformPeer.start(options.projectRoot(), receiver, dir, options.serviceJavaOptions(), options.environment());
    }

    @FunctionalInterface
    interface Scenario {
        Figures run(PeerFactory factory, Path workDir) throws Exception;
    }

    /** Each run measures every peer once, one after the other, each on a fresh instance. */
    private static Map<String, List<Figures>> repeat(BenchmarkOptions options, Map<String, PeerFactory> peers,
            Scenario scenario) throws Exception {
        Map<String, List<Figures>> results = new LinkedHashMap<>();
        for (int run = 1; run <= options.runs(); run++) {
            for (var peer : peers.entrySet()) {
                System.out.printf("%s, run %d of %d%n", peer.getKey(), run, options.runs());
                Path dir = Files.createTempDirectory("bench-" + peer.getKey() + "-");
                Figures figures;
                try {
                    figures = scenario.run(peer.getValue(), dir);
                } catch (IOException e) {
                    // A refused connection in the middle of a run: a peer process died. Its log says why.
                    throw new IllegalStateException(peer.getKey() + " failed in run " + run + " (its files: " + dir
                            + "): " + e + "\n" + logTail(dir.resolve("launcher.log")), e);
                }
                System.out.println("  " + figures.values());
                results.computeIfAbsent(peer.getKey(), name -> new ArrayList<>()).add(figures);
            }
        }
        return results;
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return log + " ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(" + log + " unreadable: " + e + ")";
        }
    }
}
