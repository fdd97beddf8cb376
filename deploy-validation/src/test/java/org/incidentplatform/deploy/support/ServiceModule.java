package org.incidentplatform.deploy.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.SortedSet;
import java.util.TreeSet;
import org.incidentplatform.deploy.support.Placeholders.Placeholder;

/**
 * What a deployment needs to know about one service, read from its {@code application.yml}.
 *
 * @param name                   module, image and workload name, e.g. {@code timeline-service}
 * @param defaultPort            the default of {@code server.port}
 * @param environmentVariables   every {@code ${ENV_VAR...}} placeholder in the configuration
 * @param consumesIncidentEvents false only where {@code incidents.consumer.enabled} is false
 * @param configuration          the documents of the file that apply without a profile
 */
public record ServiceModule(String name, int defaultPort, List<Placeholder> environmentVariables,
        boolean consumesIncidentEvents, List<Map<String, Object>> configuration) {

    /** Deployments set these even though the configuration has defaults: the defaults point at localhost. */
    public static final Set<String> CORE = Set.of("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "SERVER_PORT");

    /** Set whenever a service reads it: its empty default switches API-key authentication off. */
    public static final Set<String> SET_WHEN_READ = Set.of("INCIDENTS_API_KEY");

    /**
     * Axon's own switch for its update checker, which otherwise sends usage data to AxonIQ. Every
     * deployment sets it to true, whether or not the service has Axon today, so that nothing phones home.
     */
    public static final String UPDATE_CHECKER_DISABLED = "AXONIQ_UPDATE_CHECKER_DISABLED";

    /** Names of variables that hold credentials: a deployment takes them from a secret store. */
    public static final Pattern SECRET = Pattern.compile("MONGODB_URI|.*(TOKEN|SECRET|PASSWORD|API_KEY|_KEY|WEBHOOK_URL)");

    /**
     * The environment variables that set a property: the placeholder in its value if there is one,
     * and the name Spring's relaxed binding maps to it ({@code spring.mail.host} is
     * {@code SPRING_MAIL_HOST}). Empty when the service does not use the property.
     */
    public List<String> variablesFor(String property) {
        Optional<String> value = configuration.stream().flatMap(document -> Yamls.text(document, property).stream())
                .findFirst();
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> variables = new ArrayList<>();
        Placeholders.in(value.get()).stream().filter(Placeholder::isEnvironmentVariable).findFirst()
                .ifPresent(placeholder -> variables.add(placeholder.name()));
        variables.add(property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
        return variables;
    }

    /**
     * The variables every deployment of this service must set: those the configuration reads
     * without a default (so the service cannot start without them), the core connection
     * settings, and {@link #SET_WHEN_READ}.
     */
    public SortedSet<String> variablesADeploymentMustSet() {
        SortedSet<String> required = new TreeSet<>(CORE);
        for (Placeholder placeholder : environmentVariables) {
            if ((!placeholder.hasDefault() && !placeholder.insideADefault())
                    || SET_WHEN_READ.contains(placeholder.name())) {
                required.add(placeholder.name());
            }
        }
        return required;
    }

    public static ServiceModule read(String name, Path applicationYml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : Yamls.loadAll(applicationYml)) {
            // Profile-specific documents only apply when that profile is active.
            if (Yamls.at(document, "spring.config.activate").isEmpty()) {
                documents.add(Yamls.asMap(document, applicationYml.toString()));
            }
        }
        List<Placeholder> variables = new ArrayList<>();
        documents.forEach(document -> collectPlaceholders(document, variables));
        return new ServiceModule(name, defaultPort(name, documents), variables.stream()
                .filter(Placeholder::isEnvironmentVariable).toList(), consumes(documents), List.copyOf(documents));
    }

    private static void collectPlaceholders(Object node, List<Placeholder> found) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectPlaceholders(value, found));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectPlaceholders(value, found));
        } else if (node instanceof String text) {
            found.addAll(Placeholders.in(text));
        }
    }

    private static int defaultPort(String name, List<Map<String, Object>> documents) {
        String port = documents.stream().flatMap(document -> Yamls.text(document, "server.port").stream())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + "'s application.yml sets no server.port"));
        List<Placeholder> placeholders = Placeholders.in(port);
        String value = placeholders.isEmpty() ? port : placeholders.getFirst().defaultValue();
        if (value == null) {
            throw new IllegalStateException(name + "'s server.port has no default: " + port);
        }
        return Integer.parseInt(value.trim());
    }

    private static boolean consumes(List<Map<String, Object>> documents) {
        return documents.stream()
                .flatMap(document -> Yamls.text(document, "incidents.consumer.enabled").stream())
                .noneMatch("false"::equals);
    }
}
