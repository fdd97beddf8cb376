package org.incidentplatform.timeline.live;

import java.util.Optional;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.timeline.entries.TimelineEntry;
import org.incidentplatform.timeline.rendering.RequestOptions;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream and what it asked for.
 *
 * @param incidentId the incident whose entries it wants; empty for every incident
 */
record Subscription(SseEmitter emitter, Optional<String> incidentId, RequestOptions options) {

    boolean wants(TimelineEntry entry) {
        Optional<Visibility> visibility = options.visibility();
        return incidentId.map(entry.incidentId()::equals).orElse(true)
                && visibility.map(v -> v == entry.visibility()).orElse(true);
    }
}
