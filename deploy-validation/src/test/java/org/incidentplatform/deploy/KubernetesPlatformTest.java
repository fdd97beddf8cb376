package org.incidentplatform.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.incidentplatform.deploy.support.Problems;
import org.incidentplatform.deploy.support.Rendered;
import org.incidentplatform.deploy.support.Repository;
import org.incidentplatform.deploy.support.ServiceModule;
import org.incidentplatform.deploy.support.Yamls;
import org.incidentplatform.events.Topics;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the services rely on around them in k8s/: Kafka (Strimzi, KRaft) with a topic that
 * has a partition for every consumer replica, MongoDB users whose connection secrets the
 * services read, scaling and disruption rules, network policies, and no secret values.
 */
class KubernetesPlatformTest {

    private static final String DEAD_LETTER_TOPIC = Topics.INCIDENT_EVENTS + ".dlt";

    static Stream<Named<Rendered>> variants() {
        return Rendered.variants();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void kafkaRunsInKraftModeAndTheServicesBootstrapFromIt(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        List<Map<String, Object>> clusters = k8s.ofKind("Kafka");
        problems.unless(clusters.size() == 1, "expected one Strimzi Kafka, found " + clusters.size());
        for (Map<String, Object> kafka : clusters) {
            String cluster = Yamls.text(kafka, "metadata.name").orElse("?");
            problems.unless(Yamls.at(kafka, "spec.zookeeper").isEmpty(), "Kafka " + cluster + " uses ZooKeeper");
            problems.unless(pools(k8s, cluster).anyMatch(pool -> Yamls.list(pool, "spec.roles").contains("controller")),
                    "Kafka " + cluster + " has no KafkaNodePool with the controller role (KRaft)");
            List<Object> listenerPorts = Yamls.maps(kafka, "spec.kafka.listeners").stream()
                    .map(listener -> listener.get("port")).toList();
            for (ServiceModule service : Repository.services()) {
                Optional<String> bootstrap = configValue(k8s, service.name(), "KAFKA_BOOTSTRAP_SERVERS");
                problems.unless(bootstrap.filter(value -> listenerPorts.stream()
                        .anyMatch(port -> value.equals(cluster + "-kafka-bootstrap:" + port))).isPresent(),
                        service.name() + " bootstraps from " + bootstrap.orElse("nothing") + ", not from "
                                + cluster + "-kafka-bootstrap on one of the ports " + listenerPorts);
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theIncidentTopicHasAPartitionForEveryConsumerReplica(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        Optional<Map<String, Object>> topic = topic(k8s, Topics.INCIDENT_EVENTS);
        problems.unless(topic(k8s, DEAD_LETTER_TOPIC).isPresent(), "no KafkaTopic for " + DEAD_LETTER_TOPIC);
        if (topic.isEmpty()) {
            problems.add("no KafkaTopic for " + Topics.INCIDENT_EVENTS);
            problems.assertNone();
            return;
        }
        int partitions = ((Number) Yamls.at(topic.get(), "spec.partitions").orElse(0)).intValue();
        int replicas = ((Number) Yamls.at(topic.get(), "spec.replicas").orElse(0)).intValue();
        problems.unless(String.valueOf(Yamls.map(topic.get(), "spec.config").get("retention.ms")).equals("-1"),
                Topics.INCIDENT_EVENTS + " does not keep events forever (retention.ms: -1): it is the replay source");
        for (ServiceModule service : Repository.services()) {
            if (!service.consumesIncidentEvents()) {
                continue;
            }
            Optional<Map<String, Object>> hpa = k8s.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(candidate -> Yamls.text(candidate, "spec.scaleTargetRef.kind").orElse("").equals("Deployment")
                            && Yamls.text(candidate, "spec.scaleTargetRef.name").orElse("").equals(service.name()))
                    .findFirst();
            if (hpa.isEmpty()) {
                problems.add("consumer " + service.name() + " has no HorizontalPodAutoscaler");
                continue;
            }
            int max = ((Number) Yamls.at(hpa.get(), "spec.maxReplicas").orElse(0)).intValue();
            int min = ((Number) Yamls.at(hpa.get(), "spec.minReplicas").orElse(1)).intValue();
            problems.unless(min <= max, "HPA of " + service.name() + " has minReplicas " + min + " > maxReplicas " + max);
            problems.unless(max <= partitions, "HPA of " + service.name() + " scales to " + max + " replicas, but "
                    + Topics.INCIDENT_EVENTS + " has " + partitions + " partitions: replicas beyond that would sit idle");
        }
        String cluster = String.valueOf(Yamls.map(topic.get(), "metadata.labels").get("strimzi.io/cluster"));
        problems.unless(k8s.find("Kafka", cluster).isPresent(),
                Topics.INCIDENT_EVENTS + " is labelled strimzi.io/cluster: " + cluster + ", which is no Kafka here");
        int brokers = pools(k8s, cluster).filter(pool -> Yamls.list(pool, "spec.roles").contains("broker"))
                .mapToInt(pool -> ((Number) Yamls.at(pool, "spec.replicas").orElse(0)).intValue()).sum();
        problems.unless(replicas >= 1 && replicas <= brokers, Topics.INCIDENT_EVENTS + " wants " + replicas
                + " replicas but the node pools of " + cluster + " have " + brokers + " brokers");
        configValue(k8s, "incident-service", "INCIDENT_TOPIC_PARTITIONS").ifPresent(value -> problems.unless(
                value.equals(String.valueOf(partitions)), "incident-service expects " + value + " partitions, the KafkaTopic has "
                        + partitions));
        configValue(k8s, "incident-service", "INCIDENT_TOPIC_REPLICATION_FACTOR").ifPresent(value -> problems.unless(
                value.equals(String.valueOf(replicas)), "incident-service expects replication factor " + value
                        + ", the KafkaTopic has " + replicas));
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyMongoConnectionSecretIsOneTheMongoOperatorWrites(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        List<String> written = k8s.ofKind("MongoDBCommunity").stream()
                .flatMap(mongo -> Yamls.maps(mongo, "spec.users").stream())
                .flatMap(user -> Yamls.text(user, "connectionStringSecretName").stream()).toList();
        problems.unless(k8s.ofKind("MongoDBCommunity").stream().allMatch(mongo ->
                "ReplicaSet".equals(Yamls.text(mongo, "spec.type").orElse(null))), "MongoDB is not a replica set");
        for (ServiceModule service : Repository.services()) {
            k8s.find("Deployment", service.name()).flatMap(Rendered::mainContainer).ifPresent(container -> {
                Optional<Map<String, Object>> uri = Yamls.maps(container, "env").stream()
                        .filter(variable -> "MONGODB_URI".equals(variable.get("name"))).findFirst();
                String secret = uri.flatMap(variable -> Yamls.text(variable, "valueFrom.secretKeyRef.name")).orElse("none");
                String key = uri.flatMap(variable -> Yamls.text(variable, "valueFrom.secretKeyRef.key")).orElse("none");
                problems.unless(written.contains(secret) && key.startsWith("connectionString."), service.name()
                        + " reads MONGODB_URI from Secret " + secret + " key " + key
                        + ", which no MongoDBCommunity user writes (connectionStringSecretName: " + written + ")");
            });
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noCredentialIsCommitted(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        for (Map<String, Object> secret : k8s.ofKind("Secret")) {
            problems.unless(Yamls.map(secret, "data").isEmpty() && Yamls.map(secret, "stringData").isEmpty(),
                    "Secret " + Yamls.text(secret, "metadata.name").orElse("?")
                            + " carries values; reference Secrets created outside git instead");
        }
        for (Map<String, Object> configMap : k8s.ofKind("ConfigMap")) {
            Yamls.map(configMap, "data").keySet().stream().filter(key -> ServiceModule.SECRET.matcher(key).matches())
                    .forEach(key -> problems.add("ConfigMap " + Yamls.text(configMap, "metadata.name").orElse("?")
                            + " holds the credential " + key + "; reference a Secret instead"));
        }
        for (Map<String, Object> deployment : k8s.ofKind("Deployment")) {
            Yamls.maps(deployment, "spec.template.spec.containers").stream()
                    .flatMap(container -> Yamls.maps(container, "env").stream())
                    .filter(variable -> variable.containsKey("value")
                            && ServiceModule.SECRET.matcher(String.valueOf(variable.get("name"))).matches())
                    .forEach(variable -> problems.add("Deployment " + Yamls.text(deployment, "metadata.name").orElse("?")
                            + " writes the credential " + variable.get("name") + " into its manifest"));
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyServiceHasADisruptionBudgetAndNetworkPoliciesDenyByDefault(Rendered k8s) {
        Problems problems = new Problems(k8s.variant());
        problems.unless(k8s.ofKind("NetworkPolicy").stream().anyMatch(KubernetesPlatformTest::deniesEverything),
                "no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)");
        for (ServiceModule service : Repository.services()) {
            Optional<Map<String, Object>> deployment = k8s.find("Deployment", service.name());
            if (deployment.isEmpty()) {
                continue; // KubernetesWorkloadsTest reports it.
            }
            Map<String, Object> labels = Yamls.map(deployment.get(), "spec.template.metadata.labels");
            problems.unless(k8s.ofKind("PodDisruptionBudget").stream().anyMatch(pdb ->
                    Rendered.selects(Yamls.map(pdb, "spec.selector.matchLabels"), labels)),
                    "no PodDisruptionBudget selects the pods of " + service.name());
            Map<String, Object> container = Rendered.mainContainer(deployment.get()).orElse(Map.of());
            List<Map<String, Object>> policies = k8s.ofKind("NetworkPolicy").stream()
                    .filter(policy -> !Yamls.map(policy, "spec.podSelector.matchLabels").isEmpty()
                            && Rendered.selects(Yamls.map(policy, "spec.podSelector.matchLabels"), labels)).toList();
            boolean httpIn = policies.stream().flatMap(policy -> Yamls.maps(policy, "spec.ingress").stream())
                    .flatMap(rule -> Yamls.maps(rule, "ports").stream())
                    .anyMatch(port -> Rendered.resolvePort(port.get("port"), container).equals(Optional.of(service.defaultPort())));
            problems.unless(httpIn, "no NetworkPolicy lets traffic in to " + service.name() + " on port " + service.defaultPort());
            for (int port : List.of(9092, 27017)) {
                boolean out = policies.stream().flatMap(policy -> Yamls.maps(policy, "spec.egress").stream())
                        .flatMap(rule -> Yamls.maps(rule, "ports").stream())
                        .anyMatch(candidate -> Integer.valueOf(port).equals(candidate.get("port")));
                problems.unless(out, "no NetworkPolicy lets " + service.name() + " reach port " + port);
            }
        }
        problems.assertNone();
    }

    private static boolean deniesEverything(Map<String, Object> policy) {
        return Yamls.map(policy, "spec.podSelector").isEmpty()
                && Yamls.list(policy, "spec.policyTypes").containsAll(List.of("Ingress", "Egress"))
                && Yamls.list(policy, "spec.ingress").isEmpty() && Yamls.list(policy, "spec.egress").isEmpty();
    }

    private static Optional<Map<String, Object>> topic(Rendered k8s, String name) {
        return k8s.ofKind("KafkaTopic").stream().filter(topic -> name.equals(
                Yamls.text(topic, "spec.topicName").or(() -> Yamls.text(topic, "metadata.name")).orElse(null))).findFirst();
    }

    private static Stream<Map<String, Object>> pools(Rendered k8s, String cluster) {
        return k8s.ofKind("KafkaNodePool").stream()
                .filter(pool -> cluster.equals(Yamls.map(pool, "metadata.labels").get("strimzi.io/cluster")));
    }

    /** A variable from the ConfigMap a service's Deployment loads with envFrom. */
    private static Optional<String> configValue(Rendered k8s, String service, String variable) {
        return k8s.find("Deployment", service).flatMap(Rendered::mainContainer).stream()
                .flatMap(container -> Yamls.maps(container, "envFrom").stream())
                .flatMap(source -> Yamls.text(source, "configMapRef.name").stream())
                .flatMap(name -> k8s.find("ConfigMap", name).stream())
                .map(configMap -> Yamls.map(configMap, "data").get(variable))
                .filter(value -> value != null).map(String::valueOf).findFirst();
    }
}
