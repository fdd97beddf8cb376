package org.incidentplatform.deploy.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentplatform.events.Topics;

/**
 * Every Kafka topic the platform's code relies on, read from the code rather than from a list
 * kept by hand: the constants of the contract's {@link Topics}, the {@code topics} of every
 * {@code @KafkaListener} in a service (and the dead-letter topic the shared error handler sends
 * its failures to), every other reference to a {@code Topics} constant in a service, string
 * topics given to {@code send(...)}, and properties named {@code ...topic(s)} in its
 * application.yml. An expression it cannot resolve fails the derivation, so a new way of naming
 * a topic is noticed instead of skipped.
 */
public final class TopicUses {

    /** One reason a topic must exist: {@code how} is e.g. "consumed by", {@code by} a service or the contract. */
    public record TopicUse(String topic, String how, String by) {
    }

    private static final Path CONSUMER_CONFIGURATION = Path.of(
            "service-support/src/main/java/org/incidentplatform/consuming/IncidentEventsConsumerAutoConfiguration.java");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\s*\\(");
    private static final Pattern LISTENER_TOPICS = Pattern.compile("\\btopics\\s*=\\s*(\\{[^}]*}|[^,)]+)");
    private static final Pattern UNSUPPORTED_LISTENER = Pattern.compile("\\b(topicPattern|topicPartitions)\\s*=");
    private static final Pattern CONSTANT = Pattern.compile("\\bTopics\\.([A-Z][A-Z0-9_]*)(\\s*\\+\\s*\"([^\"]*)\")?");
    private static final Pattern CONFIGURED_TOPIC = Pattern.compile("(?i)(.+-)?topics?");
    private static final Pattern LITERAL_SEND = Pattern.compile("\\.send\\(\\s*\"([^\"]+)\"");

    private TopicUses() {
    }

    /** Every use, grouped by topic (sorted), each topic's uses in the order found. */
    public static Map<String, List<TopicUse>> of(List<ServiceModule> services) {
        Map<String, String> constants = contractConstants();
        String deadLetterSuffix = deadLetterSuffix();
        List<TopicUse> uses = new ArrayList<>();
        constants.forEach((name, topic) -> uses.add(new TopicUse(topic, "declared in", "Topics." + name)));
        for (ServiceModule service : services) {
            for (Path source : Repository.mainSources(service.name())) {
                scan(service, source, constants, deadLetterSuffix, uses);
            }
            service.configuration().forEach(document -> configuredTopics(document, "", service.name(), uses));
        }
        Map<String, List<TopicUse>> byTopic = new TreeMap<>();
        uses.stream().distinct().forEach(use -> byTopic.computeIfAbsent(use.topic(), key -> new ArrayList<>()).add(use));
        return byTopic;
    }

    private static void scan(ServiceModule service, Path source, Map<String, String> constants, String deadLetterSuffix,
            List<TopicUse> uses) {
        String code = Repository.read(source);
        List<int[]> listenerSpans = new ArrayList<>();
        Matcher listener = LISTENER.matcher(code);
        while (listener.find()) {
            int end = closingParenthesis(code, listener.end());
            listenerSpans.add(new int[] {listener.start(), end});
            String arguments = code.substring(listener.end(), end);
            if (UNSUPPORTED_LISTENER.matcher(arguments).find()) {
                throw new IllegalStateException(where(source, code, listener.start())
                        + ": topicPattern/topicPartitions cannot be checked against the manifests; name the topics");
            }
            Matcher topics = LISTENER_TOPICS.matcher(arguments);
            if (!topics.find()) {
                throw new IllegalStateException(where(source, code, listener.start()) + ": a @KafkaListener without topics");
            }
            for (String expression : topics.group(1).replaceAll("[{}]", "").split(",")) {
                String topic = resolve(expression.strip(), constants, source, code, listener.start());
                uses.add(new TopicUse(topic, "consumed by", service.name()));
                // The shared error handler (service-support) parks what a listener cannot process here.
                if (service.consumesIncidentEvents()) {
                    uses.add(new TopicUse(topic + deadLetterSuffix, "dead-lettered by", service.name()));
                }
            }
        }
        Matcher constant = CONSTANT.matcher(code);
        while (constant.find()) {
            int at = constant.start();
            if (listenerSpans.stream().noneMatch(span -> at >= span[0] && at < span[1])) {
                String topic = known(constant.group(1), constants, source, code, at)
                        + (constant.group(3) == null ? "" : constant.group(3));
                uses.add(new TopicUse(topic, "used by", service.name()));
            }
        }
        Matcher literal = LITERAL_SEND.matcher(code);
        while (literal.find()) {
            uses.add(new TopicUse(literal.group(1), "used by", service.name()));
        }
    }

    /** "declared in Topics.X; consumed by timeline-service; used by notification-service, timeline-service; declared in Topics.X". */
    public static String describe(List<TopicUse> uses) {
        Map<String, List<String>> byHow = new LinkedHashMap<>();
        uses.forEach(use -> byHow.computeIfAbsent(use.how(), key -> new ArrayList<>()).add(use.by()));
        return String.join("; ", byHow.entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.join(", ", entry.getValue().stream().sorted().toList())).toList());
    }

    /** Values of properties named {@code ...topic} or {@code ...topics}; a placeholder counts with its default. */
    private static void configuredTopics(Object node, String key, String service, List<TopicUse> uses) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((child, value) -> configuredTopics(value, String.valueOf(child), service, uses));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> configuredTopics(item, key, service, uses));
        } else if (node != null && CONFIGURED_TOPIC.matcher(key).matches()) {
            String value = String.valueOf(node);
            List<Placeholders.Placeholder> placeholders = Placeholders.in(value);
            String topic = placeholders.isEmpty() ? value : placeholders.getFirst().defaultValue();
            if (topic == null || topic.contains("${")) {
                throw new IllegalStateException(service + "'s application.yml sets " + key + " to " + value
                        + ", whose topic has no default to check the manifests against");
            }
            for (String name : topic.split(",")) {
                uses.add(new TopicUse(name.strip(), "configured in", service));
            }
        }
    }

    private static String resolve(String expression, Map<String, String> constants, Path source, String code, int at) {
        if (expression.startsWith("\"") && expression.endsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        if (expression.startsWith("Topics.")) {
            return known(expression.substring("Topics.".length()), constants, source, code, at);
        }
        throw new IllegalStateException(where(source, code, at) + ": cannot resolve the listener topic '" + expression
                + "'; use a Topics constant or a string literal");
    }

    private static String known(String name, Map<String, String> constants, Path source, String code, int at) {
        String topic = constants.get(name);
        if (topic == null) {
            throw new IllegalStateException(where(source, code, at) + ": Topics." + name + " is not a topic constant");
        }
        return topic;
    }

    private static Map<String, String> contractConstants() {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    private static String deadLetterSuffix() {
        Matcher suffix = Pattern.compile("DEAD_LETTER_SUFFIX\\s*=\\s*\"([^\"]+)\"")
                .matcher(Repository.read(Repository.file(CONSUMER_CONFIGURATION.toString())));
        if (!suffix.find()) {
            throw new IllegalStateException(CONSUMER_CONFIGURATION + " no longer declares DEAD_LETTER_SUFFIX as a string");
        }
        return suffix.group(1);
    }

    private static int closingParenthesis(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    private static String where(Path source, String code, int at) {
        long line = code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return Repository.root().relativize(source) + ":" + line;
    }
}
