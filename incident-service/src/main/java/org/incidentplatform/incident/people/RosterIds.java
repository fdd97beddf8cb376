package org.incidentplatform.incident.people;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Ids for people, teams and schedules, and the unguessable tokens of calendar feeds. */
public final class RosterIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RosterIds() {
    }

    /** {@code per-3f1b2c4d5e6f}, {@code team-…}, {@code sch-…}. */
    public static String next(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** 160 random bits: the feed address is the credential, since calendar apps cannot send an API key. */
    public static String calendarToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "cal_" + HexFormat.of().formatHex(bytes);
    }
}
