package org.incidentplatform.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CloudEvents type names of the delivery events on {@link Topics#DELIVERY_EVENTS}. */
public final class DeliveryEventTypes {

    public static final String SOURCE = "/notification-service";
    public static final String NOTIFICATION_DELIVERED = "org.incidentplatform.notification.delivered.v1";
    public static final String NOTIFICATION_FAILED = "org.incidentplatform.notification.failed.v1";

    private static final Map<String, Class<? extends DeliveryEvent>> BY_NAME = Map.of(
            NOTIFICATION_DELIVERED, NotificationDelivered.class,
            NOTIFICATION_FAILED, NotificationFailed.class);

    private DeliveryEventTypes() {
    }

    /** The record class for a type name, or empty for a type this contract version does not know. */
    public static Optional<Class<? extends DeliveryEvent>> payloadType(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static String typeNameOf(Class<?> payloadType) {
        return BY_NAME.entrySet().stream()
                .filter(e -> e.getValue().equals(payloadType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a delivery event: " + payloadType.getName()));
    }

    public static Set<String> all() {
        return BY_NAME.keySet();
    }
}
