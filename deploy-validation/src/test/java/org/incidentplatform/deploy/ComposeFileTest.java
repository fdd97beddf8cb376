package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentplatform.deploy.support.ComposeFile;
import org.incidentplatform.deploy.support.Problems;
import org.incidentplatform.deploy.support.Repository;
import org.incidentplatform.deploy.support.ServiceModule;
import org.incidentplatform.deploy.support.Yamls;
import org.incidentplatform.events.Topics;
import org.junit.jupiter.api.Test;

/** docker-compose.yml runs every service as its configuration and the platform need. */
class ComposeFileTest {

    private static final ComposeFile FILE = ComposeFile.ofRepository();
    private static final Map<String, Object> COMPOSE = FILE.root();

    @Test
    void everyServiceRunsItsImageOnItsDefaultPortWithAReadinessHealthcheck() {
        Problems problems = new Problems("docker-compose.yml");
        for (ServiceModule service : Repository.services()) {
            Map<String, Object> compose = service(service.name()).orElse(null);
            if (compose == null) {
                problems.add("no service " + service.name());
                continue;
            }
            String where = "service " + service.name();
            String image = "incident-platform/" + service.name() + ":latest";
            problems.unless(image.equals(compose.get("image")), where + " runs " + compose.get("image") + ", not " + image);
            String port = String.valueOf(service.defaultPort());
            problems.unless(port.equals(environment(compose).get("SERVER_PORT")),
                    where + " sets SERVER_PORT=" + environment(compose).get("SERVER_PORT") + ", not its default " + port);
            problems.unless(Yamls.list(compose, "ports").stream().map(String::valueOf).anyMatch(mapping -> mapping.endsWith(":" + port)),
                    where + " publishes " + Yamls.list(compose, "ports") + ", not container port " + port);
            String healthcheck = String.join(" ", Yamls.list(compose, "healthcheck.test").stream().map(String::valueOf).toList());
            problems.unless(healthcheck.contains("localhost:" + port + "/actuator/health/readiness"),
                    where + " healthcheck does not ask http://localhost:" + port + "/actuator/health/readiness: " + healthcheck);
            // The images have no shell or curl: the probe is the class Jib copies to /opt/healthcheck.
            problems.unless(healthcheck.startsWith("CMD java ") && healthcheck.contains("-cp /opt/healthcheck "
                    + HealthCheck.class.getName() + " "), where + " healthcheck does not run " + HealthCheck.class.getName()
                    + " from /opt/healthcheck with the image's java: " + healthcheck);
        }
        problems.assertNone();
    }

    @Test
    void everyVariableAServiceReadsIsSetAndTheApiKeyComesFromTheEnvironment() {
        Problems problems = new Problems("docker-compose.yml");
        for (ServiceModule service : Repository.services()) {
            Map<String, String> environment = service(service.name()).map(ComposeFileTest::environment).orElse(Map.of());
            Set<String> missing = new TreeSet<>(service.variablesADeploymentMustSet());
            missing.removeAll(environment.keySet());
            problems.unless(missing.isEmpty(), "service " + service.name() + " does not set " + missing
                    + " (read by " + service.name() + "/src/main/resources/application.yml)");
            String apiKey = environment.get("INCIDENTS_API_KEY");
            problems.unless(apiKey == null || apiKey.startsWith("${INCIDENTS_API_KEY:?"), "service " + service.name()
                    + " sets INCIDENTS_API_KEY to " + apiKey + " instead of requiring it from the environment or .env");
        }
        problems.assertNone();
    }

    @Test
    void servicesStartOnceMongoIsAnInitialisedReplicaSetAndTheTopicsExist() {
        Problems problems = new Problems("docker-compose.yml");
        Map<String, Object> mongo = service("mongodb").orElseThrow(() -> new AssertionError("no service mongodb"));
        Matcher replSet = Pattern.compile("--replSet (\\S+)").matcher(String.join(" ",
                Yamls.list(mongo, "command").stream().map(String::valueOf).toList()));
        assertThat(replSet.find()).as("mongodb runs with --replSet").isTrue();
        String replicaSet = replSet.group(1);
        String mongoCheck = String.join(" ", Yamls.list(mongo, "healthcheck.test").stream().map(String::valueOf).toList());
        problems.unless(mongoCheck.contains("rs.initiate") && mongoCheck.contains("'" + replicaSet + "'"),
                "the mongodb healthcheck does not initiate replica set " + replicaSet + ": " + mongoCheck);
        for (ServiceModule service : Repository.services()) {
            Map<String, Object> compose = service(service.name()).orElse(Map.of());
            String uri = environment(compose).getOrDefault("MONGODB_URI", "");
            problems.unless(uri.startsWith("mongodb://mongodb:27017/") && uri.contains("replicaSet=" + replicaSet),
                    "service " + service.name() + " connects to " + uri + ", not to replica set " + replicaSet);
            problems.unless("service_healthy".equals(Yamls.text(compose, "depends_on.mongodb.condition").orElse(null)),
                    "service " + service.name() + " does not wait for a healthy mongodb");
            problems.unless("service_completed_successfully".equals(
                    Yamls.text(compose, "depends_on.kafka-topics.condition").orElse(null)),
                    "service " + service.name() + " does not wait for kafka-topics to finish");
        }
        problems.assertNone();
    }

    @Test
    void kafkaRunsInKraftModeAndKeepsTheIncidentTopicForever() {
        Problems problems = new Problems("docker-compose.yml");
        Map<String, Object> kafka = service("kafka").orElseThrow(() -> new AssertionError("no service kafka"));
        Map<String, String> environment = environment(kafka);
        problems.unless(environment.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("controller"),
                "kafka is not a KRaft controller (KAFKA_PROCESS_ROLES)");
        problems.unless(environment.keySet().stream().noneMatch(key -> key.contains("ZOOKEEPER")), "kafka uses ZooKeeper");
        problems.unless(service("kafka").flatMap(k -> Yamls.at(k, "healthcheck.test")).isPresent(), "kafka has no healthcheck");
        Map<String, String> topics = FILE.createdTopics();
        topics.forEach((topic, line) -> problems.unless(line.contains("retention.ms=-1"),
                topic + " is not kept forever (retention.ms=-1)"));
        problems.unless(topics.containsKey(Topics.INCIDENT_EVENTS), "kafka-topics does not create " + Topics.INCIDENT_EVENTS);
        problems.unless(topics.containsKey(Topics.INCIDENT_EVENTS + ".dlt"),
                "kafka-topics does not create the dead-letter topic " + Topics.INCIDENT_EVENTS + ".dlt");
        Optional.ofNullable(topics.get(Topics.INCIDENT_EVENTS)).ifPresent(line -> {
            Matcher partitions = Pattern.compile("--partitions (\\d+)").matcher(line);
            String expected = environment(service("incident-service").orElse(Map.of())).get("INCIDENT_TOPIC_PARTITIONS");
            problems.unless(!partitions.find() || expected == null || expected.equals(partitions.group(1)),
                    "incident-service expects " + expected + " partitions, kafka-topics creates " + line);
        });
        problems.assertNone();
    }

    @Test
    void everyContainerHasAMemoryLimitAndMailGoesToTheCatcher() {
        Problems problems = new Problems("docker-compose.yml");
        for (Map.Entry<String, Object> entry : Yamls.map(COMPOSE, "services").entrySet()) {
            boolean limited = Yamls.at(entry.getValue(), "mem_limit").isPresent()
                    || Yamls.at(entry.getValue(), "deploy.resources.limits.memory").isPresent();
            problems.unless(limited, "service " + entry.getKey() + " has no memory limit");
        }
        for (ServiceModule service : Repository.services()) {
            List<String> hostVariables = service.variablesFor("spring.mail.host");
            if (hostVariables.isEmpty()) {
                continue;
            }
            Map<String, String> environment = service(service.name()).map(ComposeFileTest::environment).orElse(Map.of());
            Optional<String> host = hostVariables.stream().map(environment::get).filter(value -> value != null).findFirst();
            problems.unless(host.filter(value -> service(value).isPresent()).isPresent(), "service " + service.name()
                    + " sends mail to " + host.orElse("nothing") + " (" + hostVariables + "), which is no service in the file");
            problems.unless(service.variablesFor("spring.mail.port").stream().anyMatch(environment::containsKey),
                    "service " + service.name() + " sets no mail port " + service.variablesFor("spring.mail.port"));
        }
        problems.assertNone();
    }

    @Test
    void noServiceReportsUsageToAxonIQ() {
        Problems problems = new Problems("docker-compose.yml");
        for (ServiceModule service : Repository.services()) {
            String value = service(service.name()).map(ComposeFileTest::environment).orElse(Map.of())
                    .get(ServiceModule.UPDATE_CHECKER_DISABLED);
            problems.unless("true".equals(value), "service " + service.name() + " sets "
                    + ServiceModule.UPDATE_CHECKER_DISABLED + "=" + value + ", not true");
        }
        problems.assertNone();
    }

    @Test
    void credentialsAreNeverWrittenIntoTheFile() {
        Problems problems = new Problems("docker-compose.yml");
        for (Map.Entry<String, Object> entry : Yamls.map(COMPOSE, "services").entrySet()) {
            environment(Yamls.asMap(entry.getValue(), entry.getKey())).forEach((name, value) -> problems.unless(
                    !ServiceModule.SECRET.matcher(name).matches() || name.equals("MONGODB_URI") || value.startsWith("${"),
                    "service " + entry.getKey() + " writes the credential " + name + " into the file; use ${" + name + ":?...}"));
        }
        problems.assertNone();
    }

    private static Optional<Map<String, Object>> service(String name) {
        return FILE.service(name);
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        return ComposeFile.environment(service);
    }
}
