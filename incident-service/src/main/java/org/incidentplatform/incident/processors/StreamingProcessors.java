package org.incidentplatform.incident.processors;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/** The streaming processors watched here, looked up by name when asked (they start after this bean). */
@Component
class StreamingProcessors {

    /** The publisher's and the alert linker's processor names, as configured in application.yml. */
    static final List<String> WATCHED = List.of("kafka-publisher", "alert-incident-linker");

    private final EventProcessingConfiguration processing;

    StreamingProcessors(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    Optional<StreamingEventProcessor> named(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
