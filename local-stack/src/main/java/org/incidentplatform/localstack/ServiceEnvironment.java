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
        env.put("SERVER_PORT", String.valueOf(spec.port()));
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + config.mongoPort() + "/" + spec.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + config.kafkaPort());
        env.put("INCIDENTS_API_KEY", config.apiKey());
        return env;
    }
}
