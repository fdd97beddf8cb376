package org.incidentplatform.deploy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;

/**
 * The readiness probe docker compose runs inside a service container. The images carry a JRE
 * but need no shell or curl, so the probe is this class, which Jib copies to
 * {@code /opt/healthcheck} in every service image:
 * {@code java -cp /opt/healthcheck org.incidentplatform.deploy.HealthCheck <url>}.
 * Exits 0 when the URL answers 2xx within three seconds, 1 otherwise, 2 on a usage error.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp /opt/healthcheck " + HealthCheck.class.getName() + " <url>");
            System.exit(2);
        }
        System.exit(probe(URI.create(args[0]), TIMEOUT));
    }

    /** Returns the exit code for one GET of {@code url}; never throws for an unreachable URL. */
    static int probe(URI url, Duration timeout) {
        try {
            // No proxy: the probe talks to the container itself, whatever HTTP_PROXY says.
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            int status = connection.getResponseCode();
            connection.disconnect();
            System.out.println(url + " answered " + status);
            return status >= 200 && status < 300 ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            System.out.println(url + " failed: " + e);
            return 1;
        }
    }
}
