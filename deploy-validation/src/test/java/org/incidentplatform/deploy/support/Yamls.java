package org.incidentplatform.deploy.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loading YAML into plain maps and lists, and reading them by dotted path. Keys that contain
 * dots themselves (ConfigMap data, Kafka config) are read with {@link #map} and {@code get}.
 */
public final class Yamls {

    private Yamls() {
    }

    public static List<Object> loadAll(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return loadAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Object> loadAll(Reader reader) {
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(reader)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    public static Map<String, Object> loadMap(Path file) {
        List<Object> documents = loadAll(file);
        if (documents.size() != 1 || !(documents.getFirst() instanceof Map)) {
            throw new IllegalArgumentException(file + " is not a single YAML mapping");
        }
        return asMap(documents.getFirst(), file.toString());
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /** The value at a dotted path ({@code spec.template.spec}), empty when any step is missing. */
    public static Optional<Object> at(Object root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    public static Map<String, Object> map(Object root, String path) {
        return at(root, path).map(value -> asMap(value, path)).orElse(Map.of());
    }

    public static List<Object> list(Object root, String path) {
        return at(root, path).map(value -> asList(value, path)).orElse(List.of());
    }

    public static List<Map<String, Object>> maps(Object root, String path) {
        return list(root, path).stream().map(item -> asMap(item, path)).toList();
    }

    /** A scalar as text ({@code 8081} and {@code "8081"} both read "8081"); empty when absent. */
    public static Optional<String> text(Object root, String path) {
        return at(root, path).map(String::valueOf);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(what + " is not a mapping: " + value);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value, String what) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(what + " is not a sequence: " + value);
    }

    /** A mutable deep copy, so that a renderer can change what it loaded. */
    @SuppressWarnings("unchecked")
    public static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, deepCopy(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return (T) copy;
        }
        return value;
    }
}
