package org.incidentplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.incidentplatform.embedded.EmbeddedKafkaBroker;
import org.incidentplatform.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack is reachable from this machine only: every service, the broker and the store listen
 * on 127.0.0.1 unless BIND_ADDRESS says otherwise.
 */
class BindAddressTest {

    @TempDir
    Path dataDir;

    @Test
    void everyServiceIsToldToListenOnLoopbackOnly() throws IOException {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(environment(Map.of()));

        for (ServiceSpec spec : config.services()) {
            assertThat(ServiceEnvironment.of(config, spec)).as(spec.name()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
        }
    }

    @Test
    void theStoreAndTheBrokerListenOnLoopbackOnly() throws IOException {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(environment(Map.of()));

        try (EmbeddedMongoServer store = LocalStack.store(config).start();
                EmbeddedKafkaBroker broker = LocalStack.broker(config).start()) {
            assertThat(ListeningSockets.on(config.mongoPort())).containsExactly("127.0.0.1");
            assertThat(ListeningSockets.on(config.kafkaPort())).containsExactly("127.0.0.1");
        }
    }

    /** Another loopback address stands in for a real interface: the test exposes nothing. */
    @Test
    void bindAddressMovesEveryListenerAndTheAddressesClientsAreGiven() throws IOException {
        LocalStackConfig config = LocalStackConfig.fromEnvironment(environment(Map.of("BIND_ADDRESS", "127.0.0.2")));

        try (EmbeddedMongoServer store = LocalStack.store(config).start();
                EmbeddedKafkaBroker broker = LocalStack.broker(config).start()) {
            assertThat(ListeningSockets.on(config.mongoPort())).containsExactly("127.0.0.2");
            assertThat(ListeningSockets.on(config.kafkaPort())).containsExactly("127.0.0.2");
        }
        Map<String, String> service = ServiceEnvironment.of(config, config.services().getFirst());
        assertThat(service).containsEntry("SERVER_ADDRESS", "127.0.0.2")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.2:" + config.kafkaPort())
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.2:" + config.mongoPort() + "/incidents");
    }

    private Map<String, String> environment(Map<String, String> extra) throws IOException {
        Map<String, String> env = new HashMap<>(extra);
        env.put("DATA_DIR", dataDir.toString());
        env.put("KAFKA_PORT", String.valueOf(freePort()));
        env.put("MONGODB_PORT", String.valueOf(freePort()));
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
