/**
 * Health checks every service shares, meant for the readiness group (never liveness).
 *
 * <p>{@code mongo}: Spring Boot's MongoDB check sends the {@code hello} command, which the
 * in-process MongoDB server used by the local stack and the tests does not implement, so a
 * service there would never report ready; {@code ping} works against both that server and a real
 * MongoDB, and is bounded by a short timeout. {@code kafka}: {@code describeCluster} with a short
 * timeout, cached for a few seconds so that frequent probes stay cheap.
 */
package org.incidentplatform.health;
