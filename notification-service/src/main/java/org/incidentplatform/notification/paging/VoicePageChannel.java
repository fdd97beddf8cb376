package org.incidentplatform.notification.paging;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Pages by phone call through Twilio: the call reads the incident out twice. Acknowledging by
 * keypad needs Twilio to call us back, which a self-hosted installation may not allow; the page's
 * other contacts carry the acknowledge link.
 */
@Component
class VoicePageChannel extends PageChannel {

    private final TwilioApi twilio;

    VoicePageChannel(PagingLinks links, TwilioApi twilio) {
        super(links);
        this.twilio = twilio;
    }

    @Override
    public String contactType() {
        return "VOICE";
    }

    @Override
    public boolean enabled() {
        return twilio.enabled();
    }

    @Override
    protected int deliver(String address, PageMessage message) {
        String said = HtmlUtils.htmlEscape("You are paged for incident " + message.title() + ", "
                + message.page().reason() + ". Acknowledge it from the link in your text or e-mail.");
        String twiml = "<Response><Say>" + said + "</Say><Pause length=\"1\"/><Say>" + said + "</Say></Response>";
        return twilio.post("Calls.json", Map.of("To", address, "Twiml", twiml));
    }
}
