package org.incidentplatform.notification.channel;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What every channel's configuration answers the same way: which targets are usable, and their fallbacks. */
public final class ChannelTargets {

    private ChannelTargets() {
    }

    /** The names of the configured targets that have what they need to send (a URL, a token, a recipient). */
    public static <T> Set<String> usable(Map<String, T> targets, Predicate<T> usable) {
        return targets.entrySet().stream().filter(e -> usable.test(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The fallback route of a target, when one is configured. */
    public static <T> Optional<RouteTarget> fallback(Map<String, T> targets, String target, Function<T, String> fallback) {
        return Optional.ofNullable(targets.get(target)).map(fallback)
                .filter(f -> !f.isBlank()).map(RouteTarget::parse);
    }

    /** A URL setting that is present. */
    public static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
