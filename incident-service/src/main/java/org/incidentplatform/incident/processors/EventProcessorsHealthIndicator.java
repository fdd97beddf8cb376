package org.incidentplatform.incident.processors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Contributor {@code eventProcessors}: DOWN when a watched processor is not running or one of the
 * segments this instance holds is in error (the processor then retries the failed batch with
 * back-off; this says that it is retrying). Holding no segment is fine: another instance does.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final StreamingProcessors processors;

    EventProcessorsHealthIndicator(StreamingProcessors processors) {
        this.processors = processors;
    }

    @Override
    public Health health() {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : StreamingProcessors.WATCHED) {
            Optional<StreamingEventProcessor> processor = processors.named(name);
            if (processor.isEmpty()) {
                healthy = false;
                details.put(name, Map.of("running", false, "reason", "not configured"));
                continue;
            }
            Map<String, Object> state = stateOf(processor.get());
            healthy &= Boolean.TRUE.equals(state.get("running")) && !Boolean.TRUE.equals(state.get("error"));
            details.put(name, state);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static Map<String, Object> stateOf(StreamingEventProcessor processor) {
        Map<String, Object> state = new LinkedHashMap<>();
        boolean error = processor.isError();
        Map<String, Object> segments = new LinkedHashMap<>();
        for (Map.Entry<Integer, EventTrackerStatus> segment : processor.processingStatus().entrySet()) {
            EventTrackerStatus status = segment.getValue();
            error |= status.isErrorState();
            Map<String, Object> segmentState = new LinkedHashMap<>();
            segmentState.put("caughtUp", status.isCaughtUp());
            segmentState.put("replaying", status.isReplaying());
            if (status.isErrorState() && status.getError() != null) {
                segmentState.put("error", String.valueOf(status.getError().getMessage()));
            }
            segments.put(String.valueOf(segment.getKey()), segmentState);
        }
        state.put("running", processor.isRunning());
        state.put("error", error);
        state.put("segments", segments);
        return state;
    }
}
