package org.incidentplatform.incident.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A schedule as it stood from {@code effectiveFrom} until the next version: every edit (layers,
 * overrides, rename, deletion) inserts a new version and none is ever changed, so who was on call
 * at a past instant is answered from the version in force then, and an edit made today cannot
 * rewrite last Tuesday. The document id is {@code <scheduleId>:<version>}, so two concurrent edits
 * of one version collide on the key and the second is refused. The versions are also the audit
 * trail: who changed what, when.
 *
 * @param effectiveFrom when this version was recorded; never earlier than the previous one's
 * @param actor         who made the change (API principal)
 * @param change        what the change was, in words ("override ovr-1a2b added")
 * @param deleted       the schedule was deleted by this change; it still answers for the past
 */
@Document("schedule_versions")
record ScheduleVersion(@Id String id, String scheduleId, long version, Instant effectiveFrom, String actor,
        String change, String name, String description, List<Layer> layers, List<ScheduleOverride> overrides,
        String calendarToken, boolean deleted) {

    static String idOf(String scheduleId, long version) {
        return scheduleId + ":" + version;
    }

    ScheduleVersion next(Instant now, String actor, String change, String name, String description, List<Layer> layers,
            List<ScheduleOverride> overrides, boolean deleted) {
        Instant from = now.isAfter(effectiveFrom) ? now : effectiveFrom;
        return new ScheduleVersion(idOf(scheduleId, version + 1), scheduleId, version + 1, from, actor, change, name,
                description, layers, overrides, calendarToken, deleted);
    }

    /** Who this version puts on call at {@code at}: an override first, then the highest layer that has someone. */
    Assignment onCallAt(Instant at) {
        if (deleted) {
            return Assignment.NOBODY;
        }
        for (int i = overrides.size() - 1; i >= 0; i--) {
            ScheduleOverride override = overrides.get(i);
            if (override.covers(at)) {
                return new Assignment(override.personId(), "override " + override.id());
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            String person = layers.get(i).onCallAt(at);
            if (person != null) {
                return new Assignment(person, "layer " + layers.get(i).name());
            }
        }
        return Assignment.NOBODY;
    }

    /** Every instant in [from, to) where this version's answer may change. */
    Collection<Instant> changesBetween(Instant from, Instant to) {
        List<Instant> changes = new ArrayList<>();
        for (Layer layer : layers) {
            layer.changesBetween(from, to, changes);
        }
        for (ScheduleOverride override : overrides) {
            for (Instant edge : List.of(override.start(), override.end())) {
                if (!edge.isBefore(from) && edge.isBefore(to)) {
                    changes.add(edge);
                }
            }
        }
        return changes;
    }

    /** A person on call and why (which override or layer); {@link #NOBODY} when the schedule has a gap. */
    record Assignment(String personId, String source) {
        static final Assignment NOBODY = new Assignment(null, null);
    }
}
