package org.incidentplatform.notification.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.incidentplatform.notification.channel.JsonPost;
import org.springframework.stereotype.Component;

/**
 * Twilio's REST API with the team's own account: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}
 * and {@code .../Calls.json}, form-encoded, HTTP Basic with the account SID and auth token. The
 * same hardened POST as every receiver: bounded time and answer size, Retry-After honoured.
 */
@Component
class TwilioApi {

    private final PagingProperties properties;

    TwilioApi(PagingProperties properties) {
        this.properties = properties;
    }

    boolean enabled() {
        return properties.twilio().enabled();
    }

    int post(String resource, Map<String, String> form) {
        PagingProperties.Twilio twilio = properties.twilio();
        String url = twilio.apiUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + URLEncoder.encode(twilio.accountSid(), StandardCharsets.UTF_8) + "/" + resource;
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("From", twilio.from());
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((twilio.accountSid() + ":" + twilio.authToken())
                .getBytes(StandardCharsets.UTF_8));
        return JsonPost.send(url, "application/x-www-form-urlencoded", body, Map.of("Authorization", "Basic " + basic),
                properties.timeout());
    }
}
