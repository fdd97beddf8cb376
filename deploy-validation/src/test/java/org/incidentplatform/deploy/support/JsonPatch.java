package org.incidentplatform.deploy.support;

import static org.incidentplatform.deploy.support.Yamls.deepCopy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** RFC 6902 {@code add}, {@code replace} and {@code remove} on a loaded resource. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(Map<String, Object> resource, List<Object> operations, Path source) {
        for (Object item : operations) {
            Map<String, Object> operation = Yamls.asMap(item, source.toString());
            String op = Yamls.text(operation, "op").orElse("");
            String path = Yamls.text(operation, "path").orElse("");
            List<String> tokens = List.of(path.substring(1).split("/", -1)).stream()
                    .map(token -> token.replace("~1", "/").replace("~0", "~")).toList();
            Object parent = resource;
            for (String token : tokens.subList(0, tokens.size() - 1)) {
                parent = child(parent, token, source, path);
            }
            String last = tokens.getLast();
            Object value = deepCopy(operation.get("value"));
            switch (op) {
                case "add", "replace" -> set(parent, last, value, op.equals("add"), source, path);
                case "remove" -> remove(parent, last, source, path);
                default -> throw new IllegalStateException(source + ": JSON patch op '" + op + "' is not supported");
            }
        }
    }

    private static Object child(Object parent, String token, Path source, String path) {
        Object child = parent instanceof List<?> list ? list.get(Integer.parseInt(token))
                : Yamls.asMap(parent, path).get(token);
        if (child == null) {
            throw new IllegalStateException(source + ": " + path + " does not exist in the target");
        }
        return child;
    }

    private static void set(Object parent, String token, Object value, boolean add, Path source, String path) {
        if (parent instanceof List<?>) {
            List<Object> list = Yamls.asList(parent, path);
            if (token.equals("-")) {
                list.add(value);
            } else if (add) {
                list.add(Integer.parseInt(token), value);
            } else {
                list.set(Integer.parseInt(token), value);
            }
            return;
        }
        Map<String, Object> map = Yamls.asMap(parent, path);
        if (!add && !map.containsKey(token)) {
            throw new IllegalStateException(source + ": replace of " + path + ", which does not exist");
        }
        map.put(token, value);
    }

    private static void remove(Object parent, String token, Path source, String path) {
        Object removed = parent instanceof List<?> ? Yamls.asList(parent, path).remove(Integer.parseInt(token))
                : Yamls.asMap(parent, path).remove(token);
        if (removed == null) {
            throw new IllegalStateException(source + ": remove of " + path + ", which does not exist");
        }
    }
}
