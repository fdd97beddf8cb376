package org.incidentplatform.incident.publishing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.IncidentCloudEvent;
import org.incidentplatform.incident.web.RequestOrigin;

/** Builds the published envelope of a stored event. */
final class CloudEventFactory {

    private CloudEventFactory() {
    }

    static IncidentCloudEvent<Object> from(DomainEventMessage<?> message) {
        var metaData = message.getMetaData();
        return new IncidentCloudEvent<>(
                IncidentCloudEvent.SPEC_VERSION,
                message.getIdentifier(),
                IncidentCloudEvent.SOURCE,
                EventTypes.typeNameOf(message.getPayloadType()),
                message.getAggregateIdentifier(),
                message.getTimestamp(),
                IncidentCloudEvent.CONTENT_TYPE,
                message.getSequenceNumber(),
                (String) metaData.get(RequestOrigin.ACTOR),
                (String) metaData.get(RequestOrigin.CORRELATION_ID),
                (String) metaData.get(RequestOrigin.TRACEPARENT),
                message.getPayload());
    }
}
