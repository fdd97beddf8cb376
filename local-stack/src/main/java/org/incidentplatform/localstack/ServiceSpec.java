package org.incidentplatform.localstack;

/**
 * One service of the stack.
 *
 * @param name     module and jar name, e.g. {@code incident-service}
 * @param port     HTTP port
 * @param database MongoDB database the service owns
 */
record ServiceSpec(String name, int port, String database) {

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
