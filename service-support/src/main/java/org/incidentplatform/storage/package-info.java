/**
 * How every service talks to MongoDB: bounded connect, socket, server-selection and pool-wait
 * timeouts ({@code incidents.mongo.*}), so that no call waits without limit.
 */
package org.incidentplatform.storage;
