package org.incidentplatform.deploy.support;

import static org.incidentplatform.deploy.support.Yamls.deepCopy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges a patch into a resource. For Kubernetes' own kinds, lists with a merge key
 * (containers, env, volumes, ports, ...) are merged item by item, as a strategic merge patch
 * does; every other list is replaced. For custom resources, whose schema kustomize does not
 * know, every list is replaced (JSON merge patch). A null value deletes the key in both.
 */
final class StrategicMerge {

    private StrategicMerge() {
    }

    static void merge(Map<String, Object> target, Map<String, Object> patch, boolean strategic, Path source) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object current = target.get(key);
            if (key.startsWith("$")) {
                throw new IllegalStateException(source + ": directive " + key + " is not supported by Kustomize.java");
            } else if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
                merge(Yamls.asMap(current, key), Yamls.asMap(value, key), strategic, source);
            } else if (strategic && value instanceof List<?> items && current instanceof List<?>
                    && mergeKey(key, items) != null) {
                mergeList(Yamls.asList(current, key), items, mergeKey(key, items), source);
            } else {
                target.put(key, deepCopy(value));
            }
        }
    }

    private static String mergeKey(String field, List<?> items) {
        return switch (field) {
            case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets" -> "name";
            case "volumeMounts" -> "mountPath";
            // Container ports merge by containerPort, Service ports by port.
            case "ports" -> items.stream().anyMatch(item -> item instanceof Map<?, ?> map && map.containsKey("containerPort"))
                    ? "containerPort" : "port";
            default -> null;
        };
    }

    /**
     * Items named in the patch come first, in the patch's order and merged with their original;
     * the original's other items follow in their order. This is the order kustomize produces.
     */
    private static void mergeList(List<Object> current, List<?> patchItems, String key, Path source) {
        List<Object> merged = new ArrayList<>();
        List<Object> rest = new ArrayList<>(current);
        for (Object patchItem : patchItems) {
            Map<String, Object> patchMap = Yamls.asMap(patchItem, key);
            String keyValue = String.valueOf(patchMap.get(key));
            Map<String, Object> existing = rest.stream().map(item -> Yamls.asMap(item, key))
                    .filter(item -> String.valueOf(item.get(key)).equals(keyValue)).findFirst().orElse(null);
            if (existing == null) {
                merged.add(deepCopy(patchMap));
            } else {
                rest.remove(existing);
                merge(existing, patchMap, true, source);
                merged.add(existing);
            }
        }
        merged.addAll(rest);
        current.clear();
        current.addAll(merged);
    }
}
