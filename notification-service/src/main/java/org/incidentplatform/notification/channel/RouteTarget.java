package org.incidentplatform.notification.channel;

/**
 * One target of one channel, written {@code channel:target} in configuration and rules
 * ({@code slack:ops}, {@code email:oncall}).
 */
public record RouteTarget(String channel, String target) {

    public static RouteTarget parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("A target is written channel:name, not '" + text + "'");
        }
        return new RouteTarget(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return channel + ":" + target;
    }
}
