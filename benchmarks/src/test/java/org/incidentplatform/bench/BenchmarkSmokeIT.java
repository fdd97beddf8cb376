package org.incidentplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.peer.AlertmanagerPeer;
import org.incidentplatform.bench.report.ResultsDocument;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the harness, shrunk to seconds, against both peers: keeps the harness from
 * rotting. It checks that the measurements are whole (every accepted alert notified exactly once,
 * the rebuild replayed every event), never how fast anything was: speed is measured by
 * benchmarks/run.sh on a quiet machine and written down in docs/benchmarks.md.
 */
class BenchmarkSmokeIT {

    @Test
    void everyScenarioRunsAgainstBothPeersAndAccountsForEveryAlert() throws Exception {
        assertThat(AlertmanagerPeer.BINARY).as("installed by .ci/run (apt-get install prometheus-alertmanager)")
                .isExecutable();
        BenchmarkOptions options = BenchmarkOptions.parse("all", "--smoke");

        ResultsDocument document = BenchmarkCli.run(options, "all --smoke");
        document.appendTo(options.results());

        Map<String, Map<String, List<Figures>>> cases = document.cases();
        assertThat(cases).hasSize(5);
        cases.forEach((scenario, peers) -> peers.forEach((peer, runs) -> runs.forEach(figures -> {
            String what = scenario + " / " + peer;
            if (scenario.startsWith("1.")) {
                assertThat(figures.get("accepted_per_s")).as(what).isPositive();
                assertThat(figures.get("failed")).as(what).isZero();
            } else if (scenario.startsWith("4.")) {
                assertThat(figures.get("incident_events")).as(what).isGreaterThanOrEqualTo(figures.get("alerts"));
                assertThat(figures.get("timeline_events_per_s")).as(what).isPositive();
                assertThat(figures.get("report_events_per_s")).as(what).isPositive();
            } else if (scenario.startsWith("6.")) {
                assertThat(figures.get("accepted_groups")).as(what).isEqualTo(figures.get("groups"));
                assertThat(figures.get("notified_groups")).as(what).isEqualTo(figures.get("groups"));
                assertCosted(figures, peer, what);
            } else {
                double sent = scenario.startsWith("3.") ? figures.get("alerts") : figures.get("sent");
                assertThat(sent).as(what).isPositive();
                assertThat(figures.get("accepted")).as(what).isEqualTo(sent);
                assertThat(figures.get("lost")).as(what).isZero();
                assertThat(figures.get("duplicated")).as(what).isZero();
                assertThat(figures.get("notified")).as(what).isEqualTo(figures.get("accepted"));
                if (scenario.startsWith("3.")) {
                    assertCosted(figures, peer, what);
                }
            }
        })));
        assertThat(cases.values()).allSatisfy(peers -> assertThat(peers).containsKey("platform"));
    }

    /**
     * The cost figures are there. CPU is counted in 10 ms clock ticks: Alertmanager's whole work in
     * a smoke run can stay under one tick, so only the platform's must be above zero.
     */
    private static void assertCosted(Figures figures, String peer, String what) {
        if (peer.equals("platform")) {
            assertThat(figures.get("cpu_ms_per_alert[total]")).as(what).isPositive();
            assertThat(figures.get("mongo_commands_per_alert")).as(what).isPositive();
        } else {
            assertThat(figures.get("cpu_ms_per_alert[total]")).as(what).isNotNegative();
        }
    }
}
