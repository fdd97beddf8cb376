/**
 * Health checks every service shares. Spring Boot's MongoDB check sends the {@code hello}
 * command, which the in-process MongoDB server used by the local stack and the tests does not
 * implement, so a service there would never report ready; {@code ping} works against both that
 * server and a real MongoDB.
 */
package org.incidentplatform.health;
