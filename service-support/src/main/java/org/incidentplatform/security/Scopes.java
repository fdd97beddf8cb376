package org.incidentplatform.security;

import java.util.List;
import java.util.Set;

/** The scopes an API key or token can carry, and the Spring authorities they become. */
public final class Scopes {

    public static final String INCIDENTS_READ = "incidents:read";
    public static final String INCIDENTS_WRITE = "incidents:write";
    public static final String INTEGRATIONS_ADMIN = "integrations:admin";
    /** Changing people, teams and schedules: who gets woken up. Reading them needs incidents:read. */
    public static final String ONCALL_ADMIN = "oncall:admin";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(INCIDENTS_READ, INCIDENTS_WRITE, INTEGRATIONS_ADMIN, ONCALL_ADMIN, ADMIN);

    private Scopes() {
    }

    /** The authority checked for a scope, e.g. {@code SCOPE_incidents:read}. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    /** admin implies every other scope; write does not imply read, so keys can be narrow. */
    public static List<String> authoritiesFor(Iterable<String> scopes) {
        Set<String> granted = new java.util.TreeSet<>();
        for (String scope : scopes) {
            if (ADMIN.equals(scope)) {
                granted.addAll(ALL);
            } else if (ALL.contains(scope)) {
                granted.add(scope);
            }
        }
        return granted.stream().map(Scopes::authority).toList();
    }
}
