package org.incidentplatform.notification.paging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.incidentplatform.notification.channel.JsonPost;
import org.springframework.stereotype.Component;

/**
 * Pages by push through ntfy: a POST of the text to the person's topic, at the highest priority,
 * with an "Acknowledge" action that POSTs to the page's acknowledge link from the phone.
 */
@Component
class NtfyPageChannel extends PageChannel {

    private final PagingProperties properties;

    NtfyPageChannel(PagingLinks links, PagingProperties properties) {
        super(links);
        this.properties = properties;
    }

    @Override
    public String contactType() {
        return "NTFY";
    }

    @Override
    public boolean enabled() {
        return properties.ntfy().enabled();
    }

    @Override
    protected int deliver(String address, PageMessage message) {
        Map<String, String> headers = new LinkedHashMap<>();
        // ntfy reads header values as UTF-8 only when RFC 2047 encoded; titles stay ASCII-safe this way.
        headers.put("Title", "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                message.title().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=");
        headers.put("Priority", "urgent");
        headers.put("Tags", "rotating_light");
        if (message.timelineUrl() != null) {
            headers.put("Click", message.timelineUrl());
        }
        if (message.acknowledgeUrl() != null) {
            headers.put("Actions", "http, Acknowledge, " + message.acknowledgeUrl() + ", method=POST, clear=true");
        }
        if (PagingProperties.present(properties.ntfy().token())) {
            headers.put("Authorization", "Bearer " + properties.ntfy().token());
        }
        return JsonPost.send(properties.ntfy().url().replaceAll("/+$", "") + "/" + address, "text/plain; charset=utf-8",
                message.text(), headers, properties.timeout());
    }
}
