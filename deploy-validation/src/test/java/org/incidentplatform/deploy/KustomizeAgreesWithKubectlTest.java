package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.incidentplatform.deploy.support.Kustomize;
import org.incidentplatform.deploy.support.Repository;
import org.incidentplatform.deploy.support.Yamls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test renderer ({@link Kustomize}) produces what the real kustomize, built into kubectl,
 * produces: for every kustomization in k8s/ and for a fixture that exercises each feature the
 * renderer supports. Skipped where kubectl is not installed; the other tests do not need it.
 */
class KustomizeAgreesWithKubectlTest {

    static Stream<String> kustomizations() throws IOException {
        List<String> kustomizations = new ArrayList<>(List.of("k8s/base"));
        try (Stream<Path> overlays = Files.list(Repository.file("k8s/overlays"))) {
            overlays.filter(Files::isDirectory).map(path -> Repository.root().relativize(path).toString()).sorted()
                    .forEach(kustomizations::add);
        }
        return kustomizations.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void rendersTheRepositorysKustomizationsLikeKubectl(String kustomization) throws Exception {
        compare(Repository.file(kustomization));
    }

    @Test
    void rendersEverySupportedFeatureLikeKubectl(@TempDir Path directory) throws Exception {
        compare(KustomizeFixture.write(directory));
    }

    private static void compare(Path directory) throws Exception {
        Optional<Path> kubectl = kubectl();
        assumeThat(kubectl).as("kubectl on the PATH (it carries kustomize); without it only Kustomize.java renders").isPresent();
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + directory + ":\n" + output).isZero();

        Map<String, Object> expected = byId(Yamls.loadAll(new StringReader(output)));
        Map<String, Object> actual = byId(new ArrayList<>(Kustomize.render(directory)));
        List<String> differences = new ArrayList<>();
        Set<String> ids = new TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            diff(id, expected.get(id), actual.get(id), differences);
        }
        assertThat(differences).as("differences between kubectl kustomize (expected) and Kustomize.java (actual) for "
                + directory).isEmpty();
    }

    private static Map<String, Object> byId(List<?> resources) {
        Map<String, Object> byId = new TreeMap<>();
        for (Object resource : resources) {
            byId.put(Kustomize.id(Yamls.asMap(resource, "resource")), resource);
        }
        return byId;
    }

    private static void diff(String path, Object expected, Object actual, List<String> differences) {
        if (expected instanceof Map<?, ?> expectedMap && actual instanceof Map<?, ?> actualMap) {
            Set<String> keys = new TreeSet<>();
            expectedMap.keySet().forEach(key -> keys.add(String.valueOf(key)));
            actualMap.keySet().forEach(key -> keys.add(String.valueOf(key)));
            keys.forEach(key -> diff(path + "." + key, expectedMap.get(key), actualMap.get(key), differences));
        } else if (expected instanceof List<?> expectedList && actual instanceof List<?> actualList
                && expectedList.size() == actualList.size()) {
            for (int i = 0; i < expectedList.size(); i++) {
                diff(path + "[" + i + "]", expectedList.get(i), actualList.get(i), differences);
            }
        } else if (!Objects.equals(expected, actual)) {
            differences.add(path + ": kubectl " + expected + ", Kustomize.java " + actual);
        }
    }

    private static Optional<Path> kubectl() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, "kubectl")).filter(Files::isExecutable).findFirst();
    }
}
