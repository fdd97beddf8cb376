package org.incidentplatform.deploy.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as loaded: its services, their environment, and the topics its
 * {@code kafka-topics} one-shot service creates.
 *
 * @param file the file's name, for messages
 * @param root the whole file as plain maps and lists
 */
public record ComposeFile(String file, Map<String, Object> root) {

    /** One {@code kafka-topics.sh --create} line; group 1 is the topic. */
    public static final Pattern TOPIC_CREATION = Pattern.compile(
            "kafka-topics\\.sh .*--create .*--topic (\\S+) --partitions (\\d+)[^\\n]*");

    public static ComposeFile ofRepository() {
        return new ComposeFile("docker-compose.yml", Yamls.loadMap(Repository.file("docker-compose.yml")));
    }

    /** A copy that can be changed without touching this one. */
    public ComposeFile copy() {
        return new ComposeFile(file, Yamls.deepCopy(root));
    }

    public Optional<Map<String, Object>> service(String name) {
        return Optional.ofNullable(Yamls.map(root, "services").get(name)).map(value -> Yamls.asMap(value, name));
    }

    /** The environment of a service, whether written as a mapping or as NAME=VALUE items; empty without the service. */
    public Map<String, String> environment(String service) {
        return service(service).map(ComposeFile::environment).orElse(Map.of());
    }

    public static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new TreeMap<>();
        Object value = service.get("environment");
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> environment.put(String.valueOf(key), String.valueOf(item)));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String[] pair = String.valueOf(item).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    /** Topic name to the whole line that creates it, in the order of the kafka-topics command. */
    public Map<String, String> createdTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher creation = TOPIC_CREATION.matcher(String.valueOf(service("kafka-topics").map(t -> t.get("command")).orElse("")));
        while (creation.find()) {
            topics.put(creation.group(1), creation.group(0));
        }
        return topics;
    }
}
