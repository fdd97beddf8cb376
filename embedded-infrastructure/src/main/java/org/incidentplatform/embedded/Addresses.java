package org.incidentplatform.embedded;

import java.util.Set;

/** What the servers here need to know about the addresses they are told to bind. */
public final class Addresses {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0", "[::]");

    private Addresses() {
    }

    /** True for the address that binds every interface, which no client can connect to as such. */
    public static boolean isWildcard(String address) {
        return WILDCARDS.contains(address);
    }
}
