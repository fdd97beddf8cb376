package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.incidentplatform.deploy.support.Kustomize;
import org.incidentplatform.deploy.support.Yamls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the test renderer does with each feature; KustomizeAgreesWithKubectlTest checks it against kubectl. */
class KustomizeTest {

    @TempDir
    Path directory;

    @Test
    void mergesKeyedListsOfBuiltInKindsAndReplacesListsOfCustomResources() throws IOException {
        List<Map<String, Object>> resources = Kustomize.render(KustomizeFixture.write(directory));

        Map<String, Object> deployment = find(resources, "Deployment");
        Map<String, Object> app = Yamls.maps(deployment, "spec.template.spec.containers").getFirst();
        // Patched items first, then the others (kustomize's order); the JSON patch then sets env/0.
        assertThat(Yamls.maps(app, "env")).containsExactly(
                Map.of("name", "B", "value", "10"), Map.of("name", "C", "value", "3"), Map.of("name", "A", "value", "1"));
        assertThat(Yamls.maps(app, "ports")).extracting(port -> port.get("containerPort")).containsExactly(9090, 8080);
        assertThat(Yamls.text(app, "resources.limits.memory")).hasValue("1Gi");
        Map<String, Object> topic = find(resources, "KafkaTopic");
        assertThat(Yamls.map(topic, "spec")).containsEntry("partitions", 6).containsEntry("list", List.of("c"));
        assertThat(Yamls.map(topic, "spec.config")).containsOnlyKeys("retention.ms");
    }

    @Test
    void setsNamespaceReplicasAndImages() throws IOException {
        List<Map<String, Object>> resources = Kustomize.render(KustomizeFixture.write(directory));

        assertThat(resources).allSatisfy(resource -> assertThat(Yamls.text(resource, "metadata.namespace")).hasValue("fixture"));
        Map<String, Object> deployment = find(resources, "Deployment");
        assertThat(Yamls.at(deployment, "spec.replicas")).hasValue(5);
        assertThat(Yamls.maps(deployment, "spec.template.spec.containers")).extracting(container -> container.get("image"))
                .containsExactly("registry.local:5000/team/app:2.0",
                        "other/sidecar@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    @Test
    void refusesWhatItDoesNotImplementInsteadOfIgnoringIt() throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), "commonLabels:\n  team: a\n");

        assertThatThrownBy(() -> Kustomize.render(directory)).hasMessageContaining("'commonLabels' is not supported");
    }

    @Test
    void refusesAPatchThatMatchesNothing() throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), "resources: []\npatches:\n  - path: patch.yaml\n");
        Files.writeString(directory.resolve("patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n");

        assertThatThrownBy(() -> Kustomize.render(directory)).hasMessageContaining("matches no resource");
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).findFirst().orElseThrow();
    }
}
