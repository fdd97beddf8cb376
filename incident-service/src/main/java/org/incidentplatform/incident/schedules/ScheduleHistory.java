package org.incidentplatform.incident.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * All versions of one schedule, and who was, is or will be on call from them. An instant is
 * answered by the version in force at that instant (the newest whose {@code effectiveFrom} is not
 * after it); instants after the newest version are answered by it.
 */
final class ScheduleHistory {

    private final List<ScheduleVersion> versions;

    ScheduleHistory(List<ScheduleVersion> versions) {
        this.versions = versions.stream().sorted(Comparator.comparingLong(ScheduleVersion::version)).toList();
    }

    ScheduleVersion current() {
        return versions.getLast();
    }

    /** The version in force at {@code at}, or null when the schedule did not exist yet. */
    ScheduleVersion inForceAt(Instant at) {
        ScheduleVersion found = null;
        for (ScheduleVersion version : versions) {
            if (version.effectiveFrom().isAfter(at)) {
                break;
            }
            found = version;
        }
        return found;
    }

    ScheduleVersion.Assignment onCallAt(Instant at) {
        ScheduleVersion version = inForceAt(at);
        return version == null ? ScheduleVersion.Assignment.NOBODY : version.onCallAt(at);
    }

    /**
     * The shifts in [from, to): maximal spans with one person on call from one source, gaps left
     * out. A shift cut by {@code from} or {@code to} is clipped to them.
     */
    List<Shift> shifts(Instant from, Instant to) {
        TreeSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        for (int i = 0; i < versions.size(); i++) {
            ScheduleVersion version = versions.get(i);
            Instant versionEnd = i + 1 < versions.size() ? versions.get(i + 1).effectiveFrom() : to;
            Instant start = max(from, version.effectiveFrom());
            Instant end = min(to, versionEnd);
            if (start.isBefore(end)) {
                changes.add(start);
                changes.addAll(version.changesBetween(start, end));
            }
        }
        List<Shift> shifts = new ArrayList<>();
        List<Instant> edges = new ArrayList<>(changes);
        edges.add(to);
        for (int i = 0; i + 1 < edges.size(); i++) {
            Instant start = edges.get(i);
            Instant end = edges.get(i + 1);
            if (!start.isBefore(end)) {
                continue;
            }
            ScheduleVersion.Assignment who = onCallAt(start);
            if (who.personId() == null) {
                continue;
            }
            Shift last = shifts.isEmpty() ? null : shifts.getLast();
            if (last != null && last.end().equals(start) && last.personId().equals(who.personId())
                    && last.source().equals(who.source())) {
                shifts.set(shifts.size() - 1, new Shift(last.start(), end, who.personId(), who.source()));
            } else {
                shifts.add(new Shift(start, end, who.personId(), who.source()));
            }
        }
        return shifts;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One person on call from {@code start} (inclusive) to {@code end} (exclusive). */
    record Shift(Instant start, Instant end, String personId, String source) {
    }
}
