package org.incidentplatform.incident.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is on call, as plain objects: rotations across daylight-saving changes, restrictions, overrides, history. */
class ScheduleHistoryTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void aWeeklyParisRotationHandsOffAtNineLocalTimeOnBothSidesOfTheSpringChange() {
        // Summer time starts on Sunday 29 March 2026 at 02:00 in Paris: the week of the change has 167 hours.
        ScheduleHistory schedule = history(version(1, "2026-01-01T00:00:00Z",
                layer("primary", PARIS, "2026-03-23T09:00", "P1W", List.of("ada", "grace"))));

        assertThat(who(schedule, paris("2026-03-23T09:00"))).isEqualTo("ada");
        assertThat(who(schedule, paris("2026-03-30T08:59"))).isEqualTo("ada");
        assertThat(who(schedule, paris("2026-03-30T09:00"))).isEqualTo("grace");
        assertThat(who(schedule, paris("2026-04-06T09:00"))).isEqualTo("ada");
        assertThat(who(schedule, Instant.parse("2026-03-23T07:59:59Z"))).as("before the first hand-off").isNull();

        ScheduleHistory.Shift ada = schedule.shifts(paris("2026-03-23T00:00"), paris("2026-04-01T00:00")).getFirst();
        assertThat(ada.start()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        assertThat(ada.end()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(Duration.between(ada.start(), ada.end())).isEqualTo(Duration.ofHours(167));
    }

    @Test
    void aWeeklyParisRotationAcrossTheAutumnChangeLasts169Hours() {
        // Winter time returns on Sunday 25 October 2026 at 03:00 in Paris.
        ScheduleHistory schedule = history(version(1, "2026-01-01T00:00:00Z",
                layer("primary", PARIS, "2026-03-23T09:00", "P1W", List.of("ada", "grace"))));

        List<ScheduleHistory.Shift> shifts = schedule.shifts(paris("2026-10-19T09:00"), paris("2026-11-02T09:00"));

        assertThat(shifts).extracting(ScheduleHistory.Shift::personId).containsExactly("ada", "grace");
        assertThat(Duration.between(shifts.get(0).start(), shifts.get(0).end())).isEqualTo(Duration.ofHours(169));
        assertThat(shifts.get(1).start()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void aDailyLosAngelesHandOffInsideTheRepeatedHourTakesItsFirstOccurrence() {
        // 1 November 2026, 02:00 PDT becomes 01:00 PST: 01:30 happens twice. The hand-off takes the first.
        ScheduleHistory schedule = history(version(1, "2026-01-01T00:00:00Z",
                layer("nights", LOS_ANGELES, "2026-10-30T01:30", "P1D", List.of("ada", "grace", "linus"))));

        List<ScheduleHistory.Shift> shifts = schedule.shifts(Instant.parse("2026-10-31T08:30:00Z"),
                Instant.parse("2026-11-02T09:30:00Z"));

        assertThat(shifts).extracting(ScheduleHistory.Shift::personId).containsExactly("grace", "linus");
        assertThat(shifts.get(1).start()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z")); // 01:30 PDT
        assertThat(Duration.between(shifts.get(1).start(), shifts.get(1).end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aHandOffInsideTheSkippedHourMovesForwardByTheGap() {
        // 8 March 2026 in Los Angeles: 02:00 PST becomes 03:00 PDT, so 02:30 does not exist that day.
        ScheduleHistory schedule = history(version(1, "2026-01-01T00:00:00Z",
                layer("nights", LOS_ANGELES, "2026-03-06T02:30", "P1D", List.of("ada", "grace"))));

        assertThat(who(schedule, Instant.parse("2026-03-08T10:29:00Z"))).as("still the shift of 7 March").isEqualTo("grace");
        assertThat(who(schedule, Instant.parse("2026-03-08T10:30:00Z"))).as("03:30 PDT").isEqualTo("ada");
        assertThat(who(schedule, losAngeles("2026-03-09T02:30"))).isEqualTo("grace");
    }

    @Test
    void aRestrictedUpperLayerCoversOfficeHoursInItsZoneAndTheLowerLayerTheRest() {
        // Weekdays 09:00-17:00 Los Angeles time, across the spring change, over a 24/7 Paris layer.
        Layer always = layer("always", PARIS, "2026-03-02T09:00", "P1W", List.of("ada"));
        Layer office = new Layer("office hours", LOS_ANGELES.getId(), LocalDateTime.parse("2026-03-02T09:00"), "P1D",
                List.of("grace", "linus"),
                List.of(new Restriction(DayOfWeek.MONDAY, LocalTime.of(9, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0))));
        ScheduleHistory schedule = history(version(1, "2026-01-01T00:00:00Z", always, office));

        assertThat(who(schedule, losAngeles("2026-03-06T16:59"))).as("Friday before the change").isEqualTo("grace");
        assertThat(who(schedule, losAngeles("2026-03-06T17:00"))).as("Friday evening").isEqualTo("ada");
        assertThat(who(schedule, losAngeles("2026-03-08T12:00"))).as("Sunday of the change").isEqualTo("ada");
        assertThat(who(schedule, losAngeles("2026-03-09T08:59"))).as("Monday, before the office opens").isEqualTo("ada");
        assertThat(who(schedule, losAngeles("2026-03-09T09:00"))).as("Monday 09:00 PDT = 16:00 UTC").isEqualTo("linus");
        assertThat(losAngeles("2026-03-09T09:00")).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));

        List<ScheduleHistory.Shift> monday = schedule.shifts(losAngeles("2026-03-09T00:00"), losAngeles("2026-03-10T00:00"));
        assertThat(monday).extracting(ScheduleHistory.Shift::personId).containsExactly("ada", "linus");
        assertThat(monday.get(1).start()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(monday.get(1).source()).isEqualTo("layer office hours");
    }

    @Test
    void aDailyWindowAcrossMidnightFollowsLocalTimeThroughTheAutumnChange() {
        // Nights 22:00-06:00 Paris time; the night of 24-25 October 2026 has an extra hour.
        Layer days = layer("days", PARIS, "2026-10-01T09:00", "P1W", List.of("ada"));
        Layer nights = new Layer("nights", PARIS.getId(), LocalDateTime.parse("2026-10-01T22:00"), "P1D",
                List.of("grace"), List.of(new Restriction(null, LocalTime.of(22, 0), null, LocalTime.of(6, 0))));
        ScheduleHistory schedule = history(version(1, "2026-01-01T00:00:00Z", days, nights));

        List<ScheduleHistory.Shift> weekend = schedule.shifts(paris("2026-10-24T12:00"), paris("2026-10-25T12:00"));

        assertThat(weekend).extracting(ScheduleHistory.Shift::personId).containsExactly("ada", "grace", "ada");
        assertThat(weekend.get(1).start()).isEqualTo(Instant.parse("2026-10-24T20:00:00Z")); // 22:00 CEST
        assertThat(weekend.get(1).end()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));   // 06:00 CET
        assertThat(Duration.between(weekend.get(1).start(), weekend.get(1).end())).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void anOverrideCoversEveryLayerAndTheLastAddedWins() {
        ScheduleVersion base = version(1, "2026-01-01T00:00:00Z", layer("primary", PARIS, "2026-03-23T09:00", "P1W",
                List.of("ada", "grace")));
        ScheduleVersion withOverrides = base.next(Instant.parse("2026-03-01T00:00:00Z"), "admin", "overrides",
                base.name(), null, base.layers(), List.of(
                        new ScheduleOverride("o1", "linus", paris("2026-03-28T00:00"), paris("2026-03-29T12:00"), "swap"),
                        new ScheduleOverride("o2", "barbara", paris("2026-03-29T00:00"), paris("2026-03-29T06:00"), "")),
                false);
        ScheduleHistory schedule = history(base, withOverrides);

        assertThat(who(schedule, paris("2026-03-27T23:59"))).isEqualTo("ada");
        assertThat(who(schedule, paris("2026-03-28T12:00"))).isEqualTo("linus");
        assertThat(who(schedule, paris("2026-03-29T03:30"))).as("after the clocks went forward").isEqualTo("barbara");
        assertThat(schedule.onCallAt(paris("2026-03-29T03:30")).source()).isEqualTo("override o2");
        assertThat(who(schedule, paris("2026-03-29T11:59"))).isEqualTo("linus");
        assertThat(who(schedule, paris("2026-03-29T12:00"))).isEqualTo("ada");
    }

    @Test
    void anEditAnswersOnlyFromWhenItWasMadeSoThePastNeverChanges() {
        ScheduleVersion v1 = version(1, "2026-03-01T00:00:00Z", layer("primary", PARIS, "2026-03-02T09:00", "P1W",
                List.of("ada", "grace")));
        Instant lastTuesday = paris("2026-03-10T12:00");
        ScheduleHistory before = history(v1);
        String answered = who(before, lastTuesday);

        // On 14 March an admin replaces the layer and adds an override reaching back to 9 March.
        Instant edit = paris("2026-03-14T10:00");
        ScheduleVersion v2 = v1.next(edit, "admin", "layers replaced", v1.name(), null,
                List.of(layer("primary", PARIS, "2026-03-02T09:00", "P1W", List.of("linus"))),
                List.of(new ScheduleOverride("o1", "barbara", edit, paris("2026-03-20T00:00"), "")), false);
        ScheduleHistory after = history(v1, v2);

        assertThat(answered).isEqualTo("grace");
        assertThat(who(after, lastTuesday)).isEqualTo("grace");
        assertThat(who(after, paris("2026-03-14T09:59"))).isEqualTo("grace");
        assertThat(who(after, paris("2026-03-14T10:00"))).isEqualTo("barbara");
        assertThat(who(after, paris("2026-03-21T10:00"))).isEqualTo("linus");
        assertThat(after.shifts(paris("2026-03-09T00:00"), paris("2026-03-14T10:00")))
                .isEqualTo(before.shifts(paris("2026-03-09T00:00"), paris("2026-03-14T10:00")));
    }

    @Test
    void aVersionIsNeverDatedBeforeThePreviousOneEvenWhenTheWritersClockIsBehind() {
        ScheduleVersion v1 = version(1, "2026-03-01T00:00:00Z", layer("primary", PARIS, "2026-03-02T09:00", "P1W",
                List.of("ada")));
        ScheduleVersion v2 = v1.next(Instant.parse("2026-02-28T00:00:00Z"), "admin", "x", "n", null, v1.layers(),
                List.of(), false);
        assertThat(v2.effectiveFrom()).isEqualTo(v1.effectiveFrom());
        assertThat(v2.version()).isEqualTo(2);
    }

    @Test
    void nobodyIsOnCallBeforeTheScheduleExistedOrAfterItWasDeleted() {
        ScheduleVersion v1 = version(1, "2026-03-01T00:00:00Z", layer("primary", PARIS, "2026-02-02T09:00", "P1W",
                List.of("ada")));
        ScheduleVersion deleted = v1.next(Instant.parse("2026-03-10T00:00:00Z"), "admin", "deleted", v1.name(), null,
                v1.layers(), List.of(), true);
        ScheduleHistory schedule = history(v1, deleted);

        assertThat(who(schedule, Instant.parse("2026-02-15T00:00:00Z"))).isNull();
        assertThat(who(schedule, Instant.parse("2026-03-05T00:00:00Z"))).isEqualTo("ada");
        assertThat(who(schedule, Instant.parse("2026-03-11T00:00:00Z"))).isNull();
    }

    private static String who(ScheduleHistory schedule, Instant at) {
        return schedule.onCallAt(at).personId();
    }

    private static ScheduleHistory history(ScheduleVersion... versions) {
        return new ScheduleHistory(List.of(versions));
    }

    static ScheduleVersion version(long number, String effectiveFrom, Layer... layers) {
        return new ScheduleVersion(ScheduleVersion.idOf("sch-test", number), "sch-test", number,
                Instant.parse(effectiveFrom), "admin", "created", "Test schedule", null, List.of(layers), List.of(),
                "cal_test", false);
    }

    static Layer layer(String name, ZoneId zone, String firstHandoff, String length, List<String> people) {
        return new Layer(name, zone.getId(), LocalDateTime.parse(firstHandoff), length, people, List.of());
    }

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    private static Instant losAngeles(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), LOS_ANGELES).toInstant();
    }
}
