package org.incidentplatform.deploy.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The MongoDB databases a service touches and how, read from its configuration and the code it
 * runs: its own database (the one its connection string or database property names), and the
 * shared API-key database of service-support's {@code ServiceSecurityProperties.authDatabase},
 * written by a service whose code manages keys through {@code ApiKeyStore} and read by the others.
 */
public final class DatabaseUses {

    /** What a service does in a database, by the name of the MongoDB built-in role that allows it. */
    public enum Access {
        READ("read"), READ_WRITE("readWrite");

        private final String role;

        Access(String role) {
            this.role = role;
        }

        public String role() {
            return role;
        }
    }

    /** One database a service needs, why, and with which access. */
    public record DatabaseUse(String service, String database, Access access, String why) {
    }

    private static final Path SECURITY_PROPERTIES = Path.of(
            "service-support/src/main/java/org/incidentplatform/security/ServiceSecurityProperties.java");
    private static final List<String> OWN_DATABASE = List.of("spring.mongodb.database", "spring.data.mongodb.database",
            "spring.mongodb.uri", "spring.data.mongodb.uri");
    private static final Pattern URI_DATABASE = Pattern.compile("mongodb(?:\\+srv)?://[^/]+/([^?/]+).*");

    private DatabaseUses() {
    }

    public static List<DatabaseUse> of(ServiceModule service) {
        List<DatabaseUse> uses = new ArrayList<>();
        uses.add(new DatabaseUse(service.name(), ownDatabase(service), Access.READ_WRITE, "its own data"));
        if (dependsOnServiceSupport(service.name())) {
            String auth = configured(service, "incidents.security.auth-database").orElseGet(DatabaseUses::defaultAuthDatabase);
            Optional<Path> manager = Repository.mainSources(service.name()).stream()
                    .filter(source -> Repository.read(source).matches("(?s).*\\bApiKeyStore\\b.*")).findFirst();
            uses.add(manager.map(source -> new DatabaseUse(service.name(), auth, Access.READ_WRITE,
                            "API keys, managed in " + source.getFileName()))
                    .orElseGet(() -> new DatabaseUse(service.name(), auth, Access.READ, "API keys, checked on every request")));
        }
        return uses;
    }

    /** The database a service's configuration names, from a database property or its connection string's default. */
    public static String ownDatabase(ServiceModule service) {
        for (String property : OWN_DATABASE) {
            Optional<String> value = configured(service, property);
            if (value.isPresent()) {
                return property.endsWith(".database") ? value.get() : databaseOf(value.get())
                        .orElseThrow(() -> new IllegalStateException(service.name() + "'s " + property + " default "
                                + value.get() + " names no database"));
            }
        }
        throw new IllegalStateException(service.name() + "'s application.yml names no MongoDB database in " + OWN_DATABASE);
    }

    /** The database in a connection string, e.g. {@code incidents} in {@code mongodb://mongodb:27017/incidents?replicaSet=rs0}. */
    public static Optional<String> databaseOf(String uri) {
        Matcher matcher = URI_DATABASE.matcher(uri);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A property's value, a placeholder read as its default. */
    private static Optional<String> configured(ServiceModule service, String property) {
        return service.configuration().stream().flatMap(document -> Yamls.text(document, property).stream()).findFirst()
                .map(value -> Placeholders.in(value).stream().findFirst().map(Placeholders.Placeholder::defaultValue)
                        .orElse(value));
    }

    private static String defaultAuthDatabase() {
        Matcher matcher = Pattern.compile("@DefaultValue\\(\"([^\"]+)\"\\)\\s*String authDatabase")
                .matcher(Repository.read(Repository.file(SECURITY_PROPERTIES.toString())));
        if (!matcher.find()) {
            throw new IllegalStateException(SECURITY_PROPERTIES + " no longer has a default authDatabase");
        }
        return matcher.group(1);
    }

    private static boolean dependsOnServiceSupport(String module) {
        NodeList dependencies = Repository.pom(Repository.file(module + "/pom.xml")).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (text(dependency, "artifactId").equals("service-support") && !text(dependency, "scope").equals("test")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
