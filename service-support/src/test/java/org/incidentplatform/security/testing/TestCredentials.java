package org.incidentplatform.security.testing;

/** Credentials the services' test contexts are configured with. */
public final class TestCredentials {

    /** The bootstrap admin key of every test context ({@code incidents.security.bootstrap-api-key}). */
    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    /** The secret acknowledge links are signed with ({@code incidents.paging.link-secret}), shared like in a deployment. */
    public static final String PAGE_LINK_SECRET = "test-page-link-secret-0123456789-abcdef";

    private TestCredentials() {
    }

    /** Properties every service test context sets: the admin key, and no practical rate limit. */
    public static String[] properties() {
        return new String[] {
            "incidents.security.bootstrap-api-key=" + ADMIN_KEY,
            // Tests share one admin key across many requests; rate limiting has its own tests.
            "incidents.security.rate-limit.per-second=100000",
            "incidents.security.rate-limit.burst=100000",
            "incidents.paging.link-secret=" + PAGE_LINK_SECRET,
            "notifications.paging.link-secret=" + PAGE_LINK_SECRET};
    }
}
