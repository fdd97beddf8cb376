package org.incidentplatform.localstack;

/**
 * One service of the stack.
 *
 * @param name     module and jar name, e.g. {@code incident-service}
 * @param port     HTTP port
 * @param database MongoDB database the service owns
 */
public record ServiceSpec(String name, int port, String database) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The same service on another port: a second instance sharing the database and consumer groups. */
    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(name, otherPort, database);
    }
}
