package org.incidentplatform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.incidentplatform.embedded.Addresses;

/**
 * Where the stack keeps its data, which ports it uses and where the service jars are. Every value
 * can be overridden by an environment variable so that scripts and tests can run stacks side by side.
 *
 * @param dataDir       broker data, MongoDB file and service logs; reused across restarts
 * @param projectRoot   the repository root, whose {@code <service>/target/<service>.jar} are started
 * @param kafkaPort     Kafka client port
 * @param mongoPort     MongoDB port
 * @param services      the four services with their ports
 * @param serviceJvmOptions JVM options for each service process
 * @param apiKey        the bootstrap admin key every service accepts
 * @param bindAddress   the IP address every server of the stack listens on: 127.0.0.1 (this
 *                      machine only) unless BIND_ADDRESS says otherwise, e.g. 0.0.0.0
 * @param mail          the mail catcher notification-service sends to
 */
public record LocalStackConfig(Path dataDir, Path projectRoot, int kafkaPort, int mongoPort,
        List<ServiceSpec> services, List<String> serviceJvmOptions, String apiKey, String bindAddress, Mail mail) {

    /**
     * @param smtpPort  SMTP port of the catcher
     * @param webPort   port of its page, {@code /mail}
     * @param recipient the on-call address SEV1 and SEV2 incidents are mailed to
     */
    public record Mail(int smtpPort, int webPort, String recipient) {
    }

    static final String LOOPBACK = "127.0.0.1";

    static final String DEFAULT_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    /** The configuration the README's run command uses, adjusted by environment variables. */
    public static LocalStackConfig fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data")).toAbsolutePath();
        String bindAddress = bindAddress(env);
        String serviceHost = clientHost(bindAddress).equals(LOOPBACK) ? "localhost" : clientHost(bindAddress);
        return new LocalStackConfig(
                dataDir,
                projectRoot(env),
                intOf(env, "KAFKA_PORT", 9092),
                intOf(env, "MONGODB_PORT", 27017),
                List.of(
                        new ServiceSpec("incident-service", intOf(env, "INCIDENT_SERVICE_PORT", 8081), "incidents", serviceHost),
                        new ServiceSpec("timeline-service", intOf(env, "TIMELINE_SERVICE_PORT", 8082), "timeline", serviceHost),
                        new ServiceSpec("report-service", intOf(env, "REPORT_SERVICE_PORT", 8083), "reports", serviceHost),
                        new ServiceSpec("notification-service", intOf(env, "NOTIFICATION_SERVICE_PORT", 8084), "notifications", serviceHost)),
                List.of(env.getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_JVM_OPTIONS).trim().split("\\s+")),
                LocalApiKey.resolve(env, dataDir),
                bindAddress,
                new Mail(intOf(env, "SMTP_CATCHER_PORT", 1025), intOf(env, "MAIL_CATCHER_PORT", 8025),
                        env.getOrDefault("ONCALL_EMAIL", "oncall@localhost")));
    }

    /** The address clients on this machine use: the bind address, or loopback when that binds everything. */
    public String clientHost() {
        return clientHost(bindAddress);
    }

    private static String clientHost(String bindAddress) {
        return Addresses.isWildcard(bindAddress) ? LOOPBACK : bindAddress;
    }

    /** {@link #clientHost()} as it is written in a URL or a host:port pair. */
    public String clientHostInUrl() {
        String host = clientHost();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String bindAddress(Map<String, String> env) {
        String value = env.getOrDefault("BIND_ADDRESS", "").trim();
        if (value.isEmpty()) {
            return LOOPBACK;
        }
        // An address literal only: a host name would make the launcher ask DNS.
        if (!value.matches("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("BIND_ADDRESS must be an IP address such as 127.0.0.1 or 0.0.0.0, was '"
                    + value + "'");
        }
        return value;
    }

    public Path jarOf(ServiceSpec service) {
        return projectRoot.resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
    }

    private static Path projectRoot(Map<String, String> env) {
        if (env.containsKey("PROJECT_ROOT")) {
            return Path.of(env.get("PROJECT_ROOT")).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        // Started from the repository root (the README) or from the local-stack module (tests).
        return Files.exists(here.resolve("local-stack")) ? here : here.getParent();
    }

    private static int intOf(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }
}
