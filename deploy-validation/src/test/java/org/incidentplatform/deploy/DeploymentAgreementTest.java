package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.incidentplatform.deploy.support.ComposeFile;
import org.incidentplatform.deploy.support.DatabaseUses.Access;
import org.incidentplatform.deploy.support.DatabaseUses.DatabaseUse;
import org.incidentplatform.deploy.support.DeploymentAgreement;
import org.incidentplatform.deploy.support.Problems;
import org.incidentplatform.deploy.support.Rendered;
import org.incidentplatform.deploy.support.TopicUses.TopicUse;
import org.incidentplatform.deploy.support.Yamls;
import org.incidentplatform.events.Topics;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml and every kustomization agree with what the code needs, as the code says it
 * (see {@link DeploymentAgreement}): no list of topics, databases or variables is kept here. The
 * last tests break one thing in a copy and require exactly that problem, so the check cannot pass
 * by finding nothing.
 */
class DeploymentAgreementTest {

    private static final DeploymentAgreement CODE = DeploymentAgreement.ofCode();

    static Stream<Named<Rendered>> variants() {
        return Rendered.variants();
    }

    @Test
    void composeCreatesEveryTopicAndSetsEveryVariableTheCodeNeeds() {
        assertNone("docker-compose.yml", CODE.problemsIn(ComposeFile.ofRepository()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void kubernetesCreatesEveryTopicGrantsEveryDatabaseAndSetsEveryVariable(Rendered k8s) {
        assertNone(k8s.variant(), CODE.problemsIn(k8s));
    }

    @Test
    void theNeedsAreReadFromTheCode() {
        assertThat(CODE.topics()).containsOnlyKeys(Topics.INCIDENT_EVENTS, Topics.INCIDENT_EVENTS + ".dlt",
                Topics.DELIVERY_EVENTS, Topics.DELIVERY_EVENTS + ".dlt", Topics.MAINTENANCE_WINDOWS,
                Topics.MAINTENANCE_WINDOWS + ".dlt");
        assertThat(CODE.topics().get(Topics.DELIVERY_EVENTS)).contains(
                new TopicUse(Topics.DELIVERY_EVENTS, "consumed by", "timeline-service"),
                new TopicUse(Topics.DELIVERY_EVENTS, "used by", "notification-service"));
        assertThat(CODE.databases()).extracting(DatabaseUse::service, DatabaseUse::database, DatabaseUse::access)
                .contains(tuple("incident-service", "incidents", Access.READ_WRITE),
                        tuple("incident-service", "auth", Access.READ_WRITE),
                        tuple("timeline-service", "auth", Access.READ),
                        tuple("notification-service", "notifications", Access.READ_WRITE));
    }

    @Test
    void aTopicComposeNoLongerCreatesIsReported() {
        ComposeFile compose = ComposeFile.ofRepository().copy();
        String creation = compose.createdTopics().get(Topics.DELIVERY_EVENTS);
        Map<String, Object> kafkaTopics = compose.service("kafka-topics").orElseThrow();
        kafkaTopics.put("command", List.of(String.valueOf(Yamls.list(kafkaTopics, "command").getFirst()).replace(creation, "")));

        assertThat(CODE.problemsIn(compose)).containsExactly("kafka-topics does not create notification-deliveries.v1"
                + " (declared in Topics.DELIVERY_EVENTS; consumed by report-service, timeline-service;"
                + " used by notification-service, timeline-service)");
    }

    @Test
    void aTopicKubernetesNoLongerCreatesIsReported() {
        Rendered k8s = copyOfBase();
        k8s.resources().removeIf(resource -> "KafkaTopic".equals(resource.get("kind"))
                && Yamls.text(resource, "spec.topicName").orElse("").equals(Topics.INCIDENT_EVENTS + ".dlt"));

        assertThat(CODE.problemsIn(k8s)).containsExactly("no KafkaTopic creates incident-events.v1.dlt"
                + " (dead-lettered by notification-service, report-service, timeline-service)");
    }

    @Test
    void aMongoRoleTakenAwayIsReported() {
        Rendered k8s = copyOfBase();
        Map<String, Object> timelineUser = Yamls.maps(k8s.ofKind("MongoDBCommunity").getFirst(), "spec.users").stream()
                .filter(user -> "timeline-service".equals(user.get("name"))).findFirst().orElseThrow();
        Yamls.list(timelineUser, "roles").removeIf(role -> "auth".equals(Yamls.asMap(role, "role").get("db")));

        assertThat(CODE.problemsIn(k8s)).containsExactly("MongoDB user timeline-service lacks read on database auth,"
                + " which timeline-service needs for API keys, checked on every request");
    }

    @Test
    void aVariableTheDeploymentNoLongerSetsIsReported() {
        ComposeFile compose = ComposeFile.ofRepository().copy();
        Yamls.map(compose.service("report-service").orElseThrow(), "environment").remove("KAFKA_BOOTSTRAP_SERVERS");
        Rendered k8s = copyOfBase();
        Yamls.map(k8s.find("ConfigMap", "report-service-config").orElseThrow(), "data").remove("KAFKA_BOOTSTRAP_SERVERS");

        assertThat(CODE.problemsIn(compose)).containsExactly("service report-service does not set [KAFKA_BOOTSTRAP_SERVERS],"
                + " which report-service/src/main/resources/application.yml requires");
        assertThat(CODE.problemsIn(k8s)).containsExactly("Deployment report-service does not set [KAFKA_BOOTSTRAP_SERVERS],"
                + " which report-service/src/main/resources/application.yml requires");
    }

    private static Rendered copyOfBase() {
        Rendered base = Rendered.variants().map(Named::getPayload).filter(k8s -> k8s.variant().equals("k8s/base"))
                .findFirst().orElseThrow();
        return new Rendered(base.variant(), Yamls.deepCopy(base.resources()));
    }

    private static void assertNone(String subject, List<String> found) {
        Problems problems = new Problems(subject);
        found.forEach(problems::add);
        problems.assertNone();
    }
}
