package org.incidentplatform.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The resources one kustomization in k8s/ renders to.
 *
 * @param variant   the kustomization's directory relative to the repository, e.g. {@code k8s/overlays/prod}
 * @param resources what it renders to
 */
public record Rendered(String variant, List<Map<String, Object>> resources) {

    /** Each kustomization is rendered once per test run: the tests only read the resources. */
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    /** k8s/base and every overlay under k8s/overlays, rendered. */
    public static Stream<Named<Rendered>> variants() {
        List<Path> directories = new ArrayList<>(List.of(Repository.file("k8s/base")));
        try (Stream<Path> overlays = Files.list(Repository.file("k8s/overlays"))) {
            overlays.filter(Files::isDirectory).sorted().forEach(directories::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directories.stream().map(directory -> {
            String variant = Repository.root().relativize(directory).toString();
            return Named.of(variant, CACHE.computeIfAbsent(variant, key -> new Rendered(key, Kustomize.render(directory))));
        });
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(Yamls.text(resource, "kind").orElse(null))).toList();
    }

    public Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(resource -> name.equals(Yamls.text(resource, "metadata.name").orElse(null)))
                .findFirst();
    }

    /** The workload's main container: the one named after it, or its only one. */
    public static Optional<Map<String, Object>> mainContainer(Map<String, Object> workload) {
        List<Map<String, Object>> containers = Yamls.maps(workload, "spec.template.spec.containers");
        String name = Yamls.text(workload, "metadata.name").orElse("");
        return containers.stream().filter(container -> name.equals(container.get("name"))).findFirst()
                .or(() -> containers.size() == 1 ? Optional.of(containers.getFirst()) : Optional.empty());
    }

    /**
     * The variables a container gets: its {@code env} names and the keys of the ConfigMaps it loads
     * with {@code envFrom} (those that are rendered).
     */
    public Set<String> variableNames(Map<String, Object> container) {
        Set<String> names = new TreeSet<>();
        Yamls.maps(container, "env").forEach(variable -> names.add(String.valueOf(variable.get("name"))));
        Yamls.maps(container, "envFrom").stream().flatMap(source -> Yamls.text(source, "configMapRef.name").stream())
                .flatMap(name -> find("ConfigMap", name).stream())
                .forEach(configMap -> names.addAll(Yamls.map(configMap, "data").keySet()));
        return names;
    }

    /** Resolves a port given by number or by the name of one of the container's ports. */
    public static Optional<Integer> resolvePort(Object port, Map<String, Object> container) {
        if (port instanceof Integer number) {
            return Optional.of(number);
        }
        return Yamls.maps(container, "ports").stream()
                .filter(candidate -> String.valueOf(port).equals(String.valueOf(candidate.get("name"))))
                .map(candidate -> (Integer) candidate.get("containerPort"))
                .findFirst();
    }

    /** Whether every {@code matchLabels} entry of the selector is among the labels. */
    public static boolean selects(Map<String, Object> matchLabels, Map<String, Object> labels) {
        return matchLabels.entrySet().stream()
                .allMatch(entry -> String.valueOf(entry.getValue()).equals(String.valueOf(labels.get(entry.getKey()))));
    }
}
