package org.incidentplatform.localstack;

import java.util.HashMap;
import java.util.Map;

/**
 * What the launcher tells each service process, on top of the environment it inherits: its port,
 * where the store and the broker are, and the admin key. Services read nothing else, exactly as
 * in a deployment.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(LocalStackConfig config, ServiceSpec spec) {
        Map<String, String> env = new HashMap<>();
        // Spring Boot listens on every interface by default; the stack is for this machine only.
        env.put("SERVER_ADDRESS", config.bindAddress());
        env.put("SERVER_PORT", String.valueOf(spec.port()));
        env.put("MONGODB_URI", "mongodb://" + config.clientHostInUrl() + ":" + config.mongoPort() + "/" + spec.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.clientHostInUrl() + ":" + config.kafkaPort());
        env.put("INCIDENTS_API_KEY", config.apiKey());
        // Axon's update checker would report usage to AxonIQ. The service defaults to off; this
        // also wins over an AXONIQ_UPDATE_CHECKER_DISABLED=false the launcher's shell may carry.
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return env;
    }
}
