package org.incidentplatform.localstack.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suite's result per phase, as a Markdown table for stdout and target/fault-report.md. */
final class FaultReport {

    /** One phase's counts. Every "lost" and "dup" column must be zero. */
    static final class Row {
        final String phase;
        int triggersSent;
        int accepted;
        int unavailable503;
        int unavailableWithoutRetryAfter;
        int noAnswer;
        int otherStatus;
        int resolvesSent;
        int resolvesAccepted;
        int incidents;
        int events;
        int lostAlerts;
        int alertsOnSeveralIncidents;
        int timelineLost;
        int reportsBehind;
        int deliveryLogLost;
        int deliveryLogDuplicates;
        int receiverLost;
        int receiverDuplicates;
        /** Same delivery id called again after a SIGKILL right after the first call: reported, allowed. */
        int receiverResentAfterKill;

        Row(String phase) {
            this.phase = phase;
        }

        boolean clean() {
            return lostAlerts == 0 && alertsOnSeveralIncidents == 0 && timelineLost == 0 && reportsBehind == 0
                    && deliveryLogLost == 0 && deliveryLogDuplicates == 0 && receiverLost == 0
                    && receiverDuplicates == 0 && unavailableWithoutRetryAfter == 0;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private int violations;

    Row row(String phase) {
        return rows.computeIfAbsent(phase, Row::new);
    }

    void finding(String text) {
        findings.add(text);
    }

    /** A finding that fails the suite although no row counts it. */
    void violation(String text) {
        violations++;
        findings.add(text);
    }

    boolean clean() {
        return violations == 0 && rows.values().stream().allMatch(Row::clean);
    }

    String markdown(long seconds) {
        StringBuilder out = new StringBuilder("# Fault-injection suite report\n\n");
        out.append("""
                | phase | triggers sent | 202 | 503 (no Retry-After) | no answer | other | resolves 202/sent \
                | incidents | events | alerts lost | alerts on >1 incident | timeline lost | reports behind \
                | delivery log lost / dup | receiver lost / dup / re-sent after kill -9 |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        for (Row r : rows.values()) {
            out.append("| %s | %d | %d | %d (%d) | %d | %d | %d/%d | %d | %d | %d | %d | %d | %d | %d / %d | %d / %d / %d |%n"
                    .formatted(r.phase, r.triggersSent, r.accepted, r.unavailable503, r.unavailableWithoutRetryAfter,
                            r.noAnswer, r.otherStatus, r.resolvesAccepted, r.resolvesSent, r.incidents, r.events,
                            r.lostAlerts, r.alertsOnSeveralIncidents, r.timelineLost, r.reportsBehind,
                            r.deliveryLogLost, r.deliveryLogDuplicates, r.receiverLost, r.receiverDuplicates,
                            r.receiverResentAfterKill));
        }
        out.append("\nResult: ").append(clean() ? "zero lost, zero duplicated" : "INVARIANTS VIOLATED")
                .append(" (suite took ").append(seconds).append(" s)\n");
        if (!findings.isEmpty()) {
            out.append("\nFindings:\n\n");
            findings.stream().limit(40).forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    void write(Path file, long seconds) throws IOException {
        String text = markdown(seconds);
        System.out.println(text);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }
}
