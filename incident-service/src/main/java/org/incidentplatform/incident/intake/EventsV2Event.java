package org.incidentplatform.incident.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A PagerDuty Events API v2 compatible event, as senders post it to /v2/enqueue. */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventsV2Event(
        @JsonProperty("routing_key") String routingKey,
        @JsonProperty("event_action") String eventAction,
        @JsonProperty("dedup_key") String dedupKey,
        Payload payload,
        List<Link> links,
        List<Image> images,
        String client,
        @JsonProperty("client_url") String clientUrl) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(
            String summary,
            String source,
            String severity,
            String timestamp,
            String component,
            String group,
            @JsonProperty("class") String eventClass,
            @JsonProperty("custom_details") Object customDetails) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Link(String href, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Image(String src, String href, String alt) {
    }
}
