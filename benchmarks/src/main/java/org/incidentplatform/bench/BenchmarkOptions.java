package org.incidentplatform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.incidentplatform.bench.scenario.Warmup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's command line. Defaults are the documented scenarios (60 s, 100/1000/2000 per
 * second, a 10,000-alert burst, three runs); {@code --smoke} shrinks everything to seconds so the
 * test suite can run every scenario without measuring anything.
 */
record BenchmarkOptions(
        String scenario,
        int runs,
        Duration duration,
        List<Integer> rates,
        int burst,
        int rebuildAlerts,
        int stormAlerts,
        int stormGroups,
        int connections,
        Warmup warmup,
        Duration drain,
        List<String> peers,
        String serviceJavaOptions,
        Map<String, String> environment,
        String label,
        Path projectRoot,
        Path results) {

    static final List<String> SCENARIOS = List.of("intake", "sustained", "burst", "rebuild", "storm", "all");

    static BenchmarkOptions parse(String... args) {
        if (args.length == 0 || !SCENARIOS.contains(args[0])) {
            throw new IllegalArgumentException("usage: benchmarks/run.sh " + String.join("|", SCENARIOS)
                    + " [--runs N] [--duration 60s] [--rates 100,1000,2000] [--burst 10000] [--rebuild-alerts 5000]"
                    + " [--storm-alerts 10000] [--storm-groups 20]"
                    + " [--connections 16] [--warmup 5s | --warmup-alerts 3000] [--drain 120s] [--peers alertmanager,platform]"
                    + " [--service-java-opts '...'] [--env NAME=VALUE]... [--label text] [--results file] [--smoke]");
        }
        boolean smoke = Arrays.asList(args).contains("--smoke");
        Path root = findProjectRoot();
        String scenario = args[0];
        int runs = smoke ? 1 : 3;
        Duration duration = Duration.ofSeconds(smoke ? 3 : 60);
        List<Integer> rates = smoke ? List.of(20) : List.of(100, 1000, 2000);
        int burst = smoke ? 200 : 10_000;
        int rebuildAlerts = smoke ? 100 : 5_000;
        int stormAlerts = smoke ? 200 : 10_000;
        int stormGroups = smoke ? 4 : 20;
        int connections = 16;
        Warmup warmup = Warmup.forTime(Duration.ofSeconds(smoke ? 0 : 5));
        Duration drain = Duration.ofSeconds(smoke ? 60 : 120);
        List<String> peers = List.of("alertmanager", "platform");
        String javaOptions = null;
        Map<String, String> environment = new LinkedHashMap<>();
        String label = smoke ? "smoke" : scenario;
        Path results = smoke ? root.resolve("benchmarks/target/smoke-results.md") : root.resolve("benchmarks/results/runs.md");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            try {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--duration" -> duration = seconds(value);
                    case "--rates" -> rates = Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
                    case "--burst" -> burst = Integer.parseInt(value);
                    case "--rebuild-alerts" -> rebuildAlerts = Integer.parseInt(value);
                    case "--storm-alerts" -> stormAlerts = Integer.parseInt(value);
                    case "--storm-groups" -> stormGroups = Integer.parseInt(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--warmup" -> warmup = Warmup.forTime(seconds(value));
                    case "--warmup-alerts" -> warmup = Warmup.forAlerts(Integer.parseInt(value));
                    case "--drain" -> drain = seconds(value);
                    case "--peers" -> peers = List.of(value.split(","));
                    case "--service-java-opts" -> javaOptions = value;
                    case "--env" -> environment.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                    case "--label" -> label = value;
                    case "--results" -> results = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException notANumber) {
                throw new IllegalArgumentException(args[i] + " does not take '" + value + "'", notANumber);
            }
            i++;
        }
        return new BenchmarkOptions(scenario, runs, duration, rates, burst, rebuildAlerts, stormAlerts, stormGroups, connections,
                warmup, drain, new ArrayList<>(peers), javaOptions, environment, label, root, results);
    }

    boolean includes(String name) {
        return scenario.equals("all") || scenario.equals(name);
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (Double.parseDouble(value.replace("s", "")) * 1000));
    }

    /** The repository root: from the environment, or the current directory or its parent. */
    private static Path findProjectRoot() {
        String configured = System.getenv("PROJECT_ROOT");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("local-stack")) ? here : here.getParent();
    }
}
