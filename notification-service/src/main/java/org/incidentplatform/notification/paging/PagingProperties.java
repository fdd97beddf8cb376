package org.incidentplatform.notification.paging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.paging}: how pages reach people. Each way is off until configured; a page's
 * contact of a way that is off is not planned (the page says which ways it went).
 *
 * @param linkSecret         signs acknowledge links; shared with incident-service (PAGE_LINK_SECRET);
 *                           empty: pages carry no acknowledge link
 * @param acknowledgeBaseUrl incident-service as people's browsers reach it, e.g. https://incidents.example.com
 * @param linkValidity       how long an acknowledge link works
 * @param timeout            longest a call to Twilio or ntfy may take
 * @param twilio             SMS and voice calls through the team's own Twilio account
 * @param ntfy               push through an ntfy server (self-hosted or ntfy.sh)
 */
@ConfigurationProperties("notifications.paging")
public record PagingProperties(
        String linkSecret,
        @DefaultValue("http://localhost:8081") String acknowledgeBaseUrl,
        @DefaultValue("24h") Duration linkValidity,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Twilio twilio,
        @DefaultValue Ntfy ntfy) {

    /**
     * @param apiUrl     Twilio's REST API base; tests point it at a local stand-in
     * @param accountSid the account (AC...), from TWILIO_ACCOUNT_SID
     * @param authToken  from TWILIO_AUTH_TOKEN only
     * @param from       the Twilio number pages come from, E.164
     */
    public record Twilio(@DefaultValue("https://api.twilio.com") String apiUrl, String accountSid, String authToken,
            String from) {

        public boolean enabled() {
            return present(accountSid) && present(authToken) && present(from);
        }
    }

    /**
     * @param url   the ntfy server, e.g. https://ntfy.example.com; empty disables push
     * @param token an access token for a protected server, or empty
     */
    public record Ntfy(String url, String token) {

        public boolean enabled() {
            return present(url);
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
