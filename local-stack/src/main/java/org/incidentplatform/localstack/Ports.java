package org.incidentplatform.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Fails fast, with the variable to change, when a port the stack needs is taken. */
final class Ports {

    private Ports() {
    }

    static void requireFree(LocalStackConfig config) {
        List<String> taken = new ArrayList<>();
        check(config.kafkaPort(), "Kafka (KAFKA_PORT)", taken);
        check(config.mongoPort(), "MongoDB (MONGODB_PORT)", taken);
        for (ServiceSpec spec : config.services()) {
            check(spec.port(), spec.name() + " (" + spec.name().toUpperCase().replace('-', '_') + "_PORT)", taken);
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Ports already in use, is another stack running? " + String.join(", ", taken));
        }
    }

    private static void check(int port, String user, List<String> taken) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            taken.add(port + " for " + user);
        }
    }
}
