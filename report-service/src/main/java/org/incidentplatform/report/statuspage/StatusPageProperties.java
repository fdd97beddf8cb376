package org.incidentplatform.report.statuspage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incidents.status-page.*}: how the public page names itself.
 *
 * @param id   the page id in summary.json
 * @param name the page's title
 * @param url  the public base URL the page is reached at (links in the feed and in shortlinks)
 */
@ConfigurationProperties("incidents.status-page")
record StatusPageProperties(
        @DefaultValue("incident-platform") String id,
        @DefaultValue("Service status") String name,
        @DefaultValue("http://localhost:8083") String url) {

    String baseUrl() {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
