package org.incidentplatform.localstack;

/**
 * One service of the stack.
 *
 * @param name     module and jar name, e.g. {@code incident-service}
 * @param port     HTTP port
 * @param database MongoDB database the service owns
 * @param host     where clients on this machine reach it: {@code localhost}, or the address the
 *                 stack was told to bind when that is not loopback
 */
public record ServiceSpec(String name, int port, String database, String host) {

    /** A service reached at localhost. */
    public ServiceSpec(String name, int port, String database) {
        this(name, port, database, "localhost");
    }

    public String baseUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The same service on another port: a second instance sharing the database and consumer groups. */
    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(name, otherPort, database, host);
    }
}
