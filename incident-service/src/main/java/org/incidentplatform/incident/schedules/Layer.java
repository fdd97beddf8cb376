package org.incidentplatform.incident.schedules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.incidentplatform.incident.web.InvalidRequestException;

/**
 * One rotation: its participants take turns, one shift each, starting with the first at
 * {@code firstHandoff} (local time in {@code zone}), for as long as {@code shiftLength}; if it has
 * restrictions, it is on call only inside them.
 *
 * @param name         what people call it ("primary", "follow the sun: Europe")
 * @param zone         IANA time zone of the hand-offs and restrictions, e.g. Europe/Paris
 * @param firstHandoff local date and time the first participant's first shift starts
 * @param shiftLength  ISO-8601, see {@link ShiftLength}
 * @param participants person ids in turn order; a person may appear more than once
 * @param restrictions windows when this layer is on call; empty means always
 */
@Schema(example = """
        {"name": "primary", "zone": "Europe/Paris", "firstHandoff": "2026-03-23T09:00", "shiftLength": "P1W",
         "participants": ["per-ada", "per-grace"], "restrictions": []}""")
record Layer(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 64) String zone,
        @NotNull LocalDateTime firstHandoff,
        @NotBlank @Size(max = 20) String shiftLength,
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 40) String> participants,
        @Size(max = 14) List<@NotNull Restriction> restrictions) {

    Layer {
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        participants = participants == null ? null : List.copyOf(participants);
    }

    void validate(int position) {
        String where = "layers[" + position + "]";
        zoneId(where);
        ShiftLength.parse(shiftLength);
        for (int i = 0; i < restrictions.size(); i++) {
            restrictions.get(i).validate(where + ".restrictions[" + i + "]");
        }
        if (firstHandoff.getYear() < 2000 || firstHandoff.getYear() > 2200) {
            throw new InvalidRequestException(where + ".firstHandoff must lie between the years 2000 and 2200");
        }
    }

    ZoneId zoneId() {
        return zoneId("zone");
    }

    private ZoneId zoneId(String where) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            throw new InvalidRequestException(where + ".zone must be an IANA time zone such as Europe/Paris");
        }
    }

    /** Who this layer puts on call at {@code at}, or null when it is not on call then. */
    String onCallAt(Instant at) {
        ShiftLength length = ShiftLength.parse(shiftLength);
        ZoneId zone = zoneId();
        long index = length.indexAt(firstHandoff, zone, at);
        if (index < 0 || !withinRestrictions(at.atZone(zone))) {
            return null;
        }
        return participants.get((int) Math.floorMod(index, (long) participants.size()));
    }

    private boolean withinRestrictions(ZonedDateTime local) {
        return restrictions.isEmpty() || restrictions.stream().anyMatch(r -> r.contains(local));
    }

    /** Every instant in [from, to) where this layer's answer may change: hand-offs and window edges. */
    void changesBetween(Instant from, Instant to, java.util.Collection<Instant> into) {
        ShiftLength length = ShiftLength.parse(shiftLength);
        ZoneId zone = zoneId();
        long index = Math.max(0, length.indexAt(firstHandoff, zone, from));
        for (Instant handoff = length.start(firstHandoff, zone, index).toInstant(); handoff.isBefore(to);
                handoff = length.start(firstHandoff, zone, ++index).toInstant()) {
            if (!handoff.isBefore(from)) {
                into.add(handoff);
            }
        }
        if (restrictions.isEmpty()) {
            return;
        }
        for (var day = from.atZone(zone).toLocalDate().minusDays(1); !day.atStartOfDay(zone).toInstant().isAfter(to);
                day = day.plusDays(1)) {
            for (Restriction restriction : restrictions) {
                for (var time : List.of(restriction.start(), restriction.end())) {
                    Instant edge = ZonedDateTime.of(day, time, zone).toInstant();
                    if (!edge.isBefore(from) && edge.isBefore(to)) {
                        into.add(edge);
                    }
                }
            }
        }
    }
}
