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
        InetAddress address = bindAddress(config);
        check(address, config.kafkaPort(), "Kafka (KAFKA_PORT)", taken);
        check(address, config.mongoPort(), "MongoDB (MONGODB_PORT)", taken);
        check(address, config.mail().smtpPort(), "the mail catcher's SMTP (SMTP_CATCHER_PORT)", taken);
        check(address, config.mail().webPort(), "the mail catcher's page (MAIL_CATCHER_PORT)", taken);
        for (ServiceSpec spec : config.services()) {
            check(address, spec.port(), spec.name() + " (" + spec.name().toUpperCase().replace('-', '_') + "_PORT)", taken);
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Ports already in use, is another stack running? " + String.join(", ", taken));
        }
    }

    private static InetAddress bindAddress(LocalStackConfig config) {
        try {
            return InetAddress.getByName(config.bindAddress()); // A literal (LocalStackConfig): no lookup.
        } catch (IOException e) {
            throw new IllegalArgumentException("BIND_ADDRESS " + config.bindAddress() + " is not an IP address", e);
        }
    }

    private static void check(InetAddress address, int port, String user, List<String> taken) {
        try (ServerSocket socket = new ServerSocket(port, 1, address)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            // "Address already in use", or "Cannot assign requested address" for a BIND_ADDRESS of another machine.
            taken.add(port + " for " + user + " (" + e.getMessage() + ")");
        }
    }
}
