package org.incidentplatform.localstack;

import java.util.HashMap;
import java.util.Map;

/**
 * What the launcher tells each service process, on top of the environment it inherits: where to
 * listen, where the store, the broker and (for notification-service) the mail catcher are, and
 * the admin key. Services read nothing else, exactly as in a deployment.
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
        if (spec.name().equals("incident-service") || spec.name().equals("notification-service")) {
            // Signs and checks the acknowledge links in pages; derived from the admin key, so it is
            // as secret as that key, stable across restarts, and needs no file of its own.
            env.put("PAGE_LINK_SECRET", pageLinkSecret(config.apiKey()));
        }
        // Axon's update checker would report usage to AxonIQ. The service defaults to off; this
        // also wins over an AXONIQ_UPDATE_CHECKER_DISABLED=false the launcher's shell may carry.
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (spec.name().equals("notification-service")) {
            // Real mail to the catcher, to an on-call address, so SEV1 and SEV2 incidents are mailed.
            // No credentials: the catcher needs none, and with them the service would insist on STARTTLS.
            env.put("SMTP_HOST", config.clientHost());
            env.put("SMTP_PORT", String.valueOf(config.mail().smtpPort()));
            env.put("SMTP_USERNAME", "");
            env.put("SMTP_PASSWORD", "");
            env.put("ONCALL_EMAIL", config.mail().recipient());
            config.services().stream().filter(s -> s.name().equals("incident-service")).findFirst().ifPresent(incidents ->
                    env.put("INCIDENTS_PUBLIC_URL", "http://" + config.clientHostInUrl() + ":" + incidents.port()));
        }
        return env;
    }

    static String pageLinkSecret(String apiKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("page-links|" + apiKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
