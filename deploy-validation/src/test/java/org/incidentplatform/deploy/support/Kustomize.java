package org.incidentplatform.deploy.support;

import static org.incidentplatform.deploy.support.Yamls.asList;
import static org.incidentplatform.deploy.support.Yamls.asMap;
import static org.incidentplatform.deploy.support.Yamls.deepCopy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the subset k8s/ uses:
 * {@code resources} (files and directories), {@code patches} (strategic-merge and JSON 6902,
 * with or without a target), {@code namespace}, {@code replicas} and {@code images}. Anything
 * else is refused rather than ignored, so a new feature in k8s/ fails here until it is added.
 * {@code KustomizeAgreesWithKubectlTest} compares the output with kubectl's where kubectl exists.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "replicas", "images");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    private static final Set<String> SCALABLE_KINDS = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    private Kustomize() {
    }

    /** The resources the kustomization in {@code directory} produces. */
    public static List<Map<String, Object>> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(directory + " has no kustomization.yaml");
        }
        Map<String, Object> kustomization = Yamls.loadMap(file);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalStateException(file + ": field '" + field
                        + "' is not supported by the test renderer (Kustomize.java); add it there");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Yamls.list(kustomization, "resources")) {
            Path path = directory.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                Yamls.loadAll(path).forEach(document -> resources.add(asMap(deepCopy(document), path.toString())));
            }
        }
        requireUniqueIds(resources, file);
        for (Map<String, Object> patch : Yamls.maps(kustomization, "patches")) {
            applyPatch(directory, patch, resources);
        }
        Yamls.text(kustomization, "namespace").ifPresent(namespace -> setNamespace(namespace, resources));
        for (Map<String, Object> replicas : Yamls.maps(kustomization, "replicas")) {
            setReplicas(replicas, resources);
        }
        for (Map<String, Object> image : Yamls.maps(kustomization, "images")) {
            setImage(image, resources);
        }
        return resources;
    }

    /** {@code Kind/namespace/name}, the identity kustomize keeps unique. */
    public static String id(Map<String, Object> resource) {
        return Yamls.text(resource, "kind").orElse("?") + "/" + Yamls.text(resource, "metadata.namespace").orElse("")
                + "/" + Yamls.text(resource, "metadata.name").orElse("?");
    }

    private static void requireUniqueIds(List<Map<String, Object>> resources, Path file) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> resource : resources) {
            if (!seen.add(id(resource))) {
                throw new IllegalStateException(file + " produces " + id(resource) + " twice");
            }
        }
    }

    private static void applyPatch(Path directory, Map<String, Object> entry, List<Map<String, Object>> resources) {
        Path file = directory.resolve(Yamls.text(entry, "path")
                .orElseThrow(() -> new IllegalStateException(directory + ": only patches with a path are supported")));
        Map<String, Object> target = Yamls.map(entry, "target");
        List<Object> documents = Yamls.loadAll(file);
        if (documents.size() == 1 && documents.getFirst() instanceof List<?> operations) {
            List<Map<String, Object>> matches = matching(target, resources);
            if (target.isEmpty() || matches.isEmpty()) {
                throw new IllegalStateException(file + ": a JSON patch needs a target that matches a resource");
            }
            matches.forEach(resource -> JsonPatch.apply(resource, asList(operations, file.toString()), file));
            return;
        }
        for (Object document : documents) {
            Map<String, Object> patch = asMap(document, file.toString());
            List<Map<String, Object>> matches = target.isEmpty()
                    ? matching(Map.of("kind", Yamls.text(patch, "kind").orElse(""),
                            "name", Yamls.text(patch, "metadata.name").orElse("")), resources)
                    : matching(target, resources);
            if (matches.isEmpty()) {
                throw new IllegalStateException(file + ": the patch of " + id(patch) + " matches no resource");
            }
            for (Map<String, Object> resource : matches) {
                Map<String, Object> body = deepCopy(patch);
                body.remove("apiVersion");
                body.remove("kind");
                Map<String, Object> metadata = Yamls.map(body, "metadata");
                metadata.remove("name");
                metadata.remove("namespace");
                StrategicMerge.merge(resource, body, isBuiltIn(resource), file);
            }
        }
    }

    private static List<Map<String, Object>> matching(Map<String, Object> target, List<Map<String, Object>> resources) {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            boolean kind = Yamls.text(target, "kind").map(k -> k.equals(Yamls.text(resource, "kind").orElse(null))).orElse(true);
            boolean name = Yamls.text(target, "name").map(n -> Yamls.text(resource, "metadata.name").orElse("").matches(n)).orElse(true);
            boolean labels = Yamls.text(target, "labelSelector").map(selector -> hasLabels(resource, selector)).orElse(true);
            for (String unsupported : List.of("namespace", "annotationSelector", "group", "version")) {
                if (target.containsKey(unsupported)) {
                    throw new IllegalStateException("patch target field '" + unsupported + "' is not supported by Kustomize.java");
                }
            }
            if (kind && name && labels) {
                matches.add(resource);
            }
        }
        return matches;
    }

    private static boolean hasLabels(Map<String, Object> resource, String selector) {
        Map<String, Object> labels = Yamls.map(resource, "metadata.labels");
        for (String requirement : selector.split(",")) {
            String[] keyAndValue = requirement.split("=", 2);
            if (keyAndValue.length != 2 || keyAndValue[0].endsWith("!")) {
                throw new IllegalStateException("only key=value label selectors are supported: " + selector);
            }
            if (!keyAndValue[1].trim().equals(String.valueOf(labels.get(keyAndValue[0].trim())))) {
                return false;
            }
        }
        return true;
    }

    /** Kubernetes' own kinds merge lists by key; custom resources get JSON merge patch semantics. */
    private static boolean isBuiltIn(Map<String, Object> resource) {
        String apiVersion = Yamls.text(resource, "apiVersion").orElse("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static void setNamespace(String namespace, List<Map<String, Object>> resources) {
        for (Map<String, Object> resource : resources) {
            if (!CLUSTER_SCOPED_KINDS.contains(Yamls.text(resource, "kind").orElse(""))) {
                metadata(resource).put("namespace", namespace);
            }
        }
    }

    private static void setReplicas(Map<String, Object> replicas, List<Map<String, Object>> resources) {
        String name = Yamls.text(replicas, "name").orElseThrow();
        Object count = Yamls.at(replicas, "count").orElseThrow();
        for (Map<String, Object> resource : resources) {
            if (SCALABLE_KINDS.contains(Yamls.text(resource, "kind").orElse(""))
                    && name.equals(Yamls.text(resource, "metadata.name").orElse(null))) {
                spec(resource).put("replicas", count);
            }
        }
    }

    private static void setImage(Map<String, Object> image, List<Map<String, Object>> resources) {
        String name = Yamls.text(image, "name").orElseThrow();
        for (Map<String, Object> resource : resources) {
            for (String path : List.of("spec.template.spec.containers", "spec.template.spec.initContainers",
                    "spec.containers", "spec.initContainers")) {
                for (Map<String, Object> container : Yamls.maps(resource, path)) {
                    String current = String.valueOf(container.get("image"));
                    ImageReference reference = ImageReference.parse(current);
                    if (reference.repository().equals(name)) {
                        container.put("image", reference.with(Yamls.text(image, "newName").orElse(null),
                                Yamls.text(image, "newTag").orElse(null), Yamls.text(image, "digest").orElse(null)));
                    }
                }
            }
        }
    }

    private static Map<String, Object> metadata(Map<String, Object> resource) {
        return asMap(resource.computeIfAbsent("metadata", key -> new LinkedHashMap<>()), "metadata");
    }

    private static Map<String, Object> spec(Map<String, Object> resource) {
        return asMap(resource.computeIfAbsent("spec", key -> new LinkedHashMap<>()), "spec");
    }

    /** {@code repository[:tag][@digest]}; a colon before the last slash belongs to a registry port. */
    record ImageReference(String repository, String tag, String digest) {

        static ImageReference parse(String image) {
            String digest = null;
            int at = image.indexOf('@');
            if (at >= 0) {
                digest = image.substring(at + 1);
                image = image.substring(0, at);
            }
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/')) {
                return new ImageReference(image.substring(0, colon), image.substring(colon + 1), digest);
            }
            return new ImageReference(image, null, digest);
        }

        String with(String newName, String newTag, String newDigest) {
            String result = Objects.requireNonNullElse(newName, repository);
            if (newDigest != null) {
                return result + "@" + newDigest;
            }
            if (newTag != null) {
                return result + ":" + newTag;
            }
            return result + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
        }
    }
}
