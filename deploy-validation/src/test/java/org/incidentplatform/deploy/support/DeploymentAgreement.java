package org.incidentplatform.deploy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.incidentplatform.deploy.support.DatabaseUses.Access;
import org.incidentplatform.deploy.support.DatabaseUses.DatabaseUse;
import org.incidentplatform.deploy.support.TopicUses.TopicUse;

/**
 * What the code needs from a deployment, checked against docker-compose.yml and a rendered
 * kustomization: every topic it uses is created, every database it touches is granted to the
 * service's MongoDB user, every variable it requires is set. Each problem is one sentence naming
 * the service, the thing missing and why the code needs it.
 *
 * @param services  the service modules
 * @param topics    topic to the reasons it must exist ({@link TopicUses})
 * @param databases what each service needs in MongoDB ({@link DatabaseUses})
 */
public record DeploymentAgreement(List<ServiceModule> services, Map<String, List<TopicUse>> topics,
        List<DatabaseUse> databases) {

    private static final Set<String> MONGO_AUTHENTICATION = Set.of("--auth", "--keyFile", "MONGO_INITDB_ROOT_USERNAME");

    public static DeploymentAgreement ofCode() {
        List<ServiceModule> services = Repository.services();
        return new DeploymentAgreement(services, TopicUses.of(services),
                services.stream().flatMap(service -> DatabaseUses.of(service).stream()).toList());
    }

    public List<String> problemsIn(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Map<String, String> created = compose.createdTopics();
        topics.forEach((topic, uses) -> {
            if (!created.containsKey(topic)) {
                problems.add("kafka-topics does not create " + topic + " (" + TopicUses.describe(uses) + ")");
            }
        });
        for (ServiceModule service : services) {
            if (compose.service(service.name()).isEmpty()) {
                problems.add("no service " + service.name());
                continue;
            }
            Map<String, String> environment = compose.environment(service.name());
            missingVariables(service, environment.keySet()).ifPresent(missing -> problems.add("service " + service.name()
                    + " does not set " + missing + ", which " + requiredBy(service)));
            String uri = environment.getOrDefault("MONGODB_URI", "");
            String own = DatabaseUses.ownDatabase(service);
            if (DatabaseUses.databaseOf(uri).filter(own::equals).isEmpty()) {
                problems.add("service " + service.name() + " connects to " + uri + ", not to its database " + own);
            }
        }
        String mongo = String.valueOf(compose.service("mongodb").orElse(Map.of()));
        if (MONGO_AUTHENTICATION.stream().anyMatch(mongo::contains)) {
            // The users would be created by a script this check cannot read: say what they need instead of passing.
            problems.add("mongodb requires authentication, but the users it creates cannot be checked here; they need "
                    + databases.stream().map(use -> use.service() + " " + use.access().role() + " on " + use.database()).toList());
        }
        return problems;
    }

    public List<String> problemsIn(Rendered k8s) {
        List<String> problems = new ArrayList<>();
        Set<String> created = new TreeSet<>();
        k8s.ofKind("KafkaTopic").forEach(topic -> Yamls.text(topic, "spec.topicName")
                .or(() -> Yamls.text(topic, "metadata.name")).ifPresent(created::add));
        topics.forEach((topic, uses) -> {
            if (!created.contains(topic)) {
                problems.add("no KafkaTopic creates " + topic + " (" + TopicUses.describe(uses) + ")");
            }
        });
        for (ServiceModule service : services) {
            Optional<Map<String, Object>> container = k8s.find("Deployment", service.name()).flatMap(Rendered::mainContainer);
            if (container.isEmpty()) {
                problems.add("no Deployment " + service.name() + " with a container of that name");
                continue;
            }
            missingVariables(service, k8s.variableNames(container.get())).ifPresent(missing -> problems.add("Deployment "
                    + service.name() + " does not set " + missing + ", which " + requiredBy(service)));
            Optional<String> secret = Yamls.maps(container.get(), "env").stream()
                    .filter(variable -> "MONGODB_URI".equals(variable.get("name"))).findFirst()
                    .flatMap(variable -> Yamls.text(variable, "valueFrom.secretKeyRef.name"));
            Optional<Map<String, Object>> user = secret.flatMap(name -> k8s.ofKind("MongoDBCommunity").stream()
                    .flatMap(mongo -> Yamls.maps(mongo, "spec.users").stream())
                    .filter(candidate -> name.equals(candidate.get("connectionStringSecretName"))).findFirst());
            if (user.isEmpty()) {
                problems.add("Deployment " + service.name() + " reads MONGODB_URI from " + secret.map(name -> "Secret " + name)
                        .orElse("no Secret") + ", which no MongoDBCommunity user writes: its MongoDB roles cannot be checked");
                continue;
            }
            checkUser(service, user.get(), problems);
        }
        return problems;
    }

    private void checkUser(ServiceModule service, Map<String, Object> user, List<String> problems) {
        String name = "MongoDB user " + user.get("name");
        String own = DatabaseUses.ownDatabase(service);
        // The operator's connection string names the database the user authenticates against.
        if (!own.equals(String.valueOf(user.get("db")))) {
            problems.add(name + " of " + service.name() + " is defined in database " + user.get("db")
                    + ", so its connection string names that database, not " + own + " which its configuration uses");
        }
        List<Map<String, Object>> roles = Yamls.maps(user, "roles");
        for (DatabaseUse use : databases) {
            if (use.service().equals(service.name()) && !grants(roles, use)) {
                problems.add(name + " lacks " + use.access().role() + " on database " + use.database() + ", which "
                        + service.name() + " needs for " + use.why());
            }
        }
    }

    private static boolean grants(List<Map<String, Object>> roles, DatabaseUse use) {
        Set<String> onTheDatabase = use.access() == Access.READ ? Set.of("read", "readWrite", "dbOwner") : Set.of("readWrite", "dbOwner");
        Set<String> onEveryDatabase = use.access() == Access.READ
                ? Set.of("readAnyDatabase", "readWriteAnyDatabase", "root") : Set.of("readWriteAnyDatabase", "root");
        return roles.stream().anyMatch(role -> {
            String database = String.valueOf(role.get("db"));
            String roleName = String.valueOf(role.get("name"));
            return database.equals(use.database()) && onTheDatabase.contains(roleName)
                    || database.equals("admin") && onEveryDatabase.contains(roleName);
        });
    }

    private static Optional<Set<String>> missingVariables(ServiceModule service, Set<String> set) {
        Set<String> missing = new TreeSet<>(service.variablesADeploymentMustSet());
        missing.removeAll(set);
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing);
    }

    private static String requiredBy(ServiceModule service) {
        return service.name() + "/src/main/resources/application.yml requires";
    }
}
