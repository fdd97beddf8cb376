package org.incidentplatform.notification.delivery;

import java.util.List;

/** The response of the delivery list: oldest first, at most {@value DeliveryLog#MAX_LISTED}. */
record DeliveryList(List<Delivery> deliveries) {
}
