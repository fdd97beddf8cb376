package org.incidentplatform.notification.paging;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Pages by text message through Twilio. */
@Component
class SmsPageChannel extends PageChannel {

    /** A text is cut at about ten segments; the link goes first so it always arrives. */
    static final int MAX_LENGTH = 1_500;
    private final TwilioApi twilio;

    SmsPageChannel(PagingLinks links, TwilioApi twilio) {
        super(links);
        this.twilio = twilio;
    }

    @Override
    public String contactType() {
        return "SMS";
    }

    @Override
    public boolean enabled() {
        return twilio.enabled();
    }

    @Override
    protected int deliver(String address, PageMessage message) {
        String text = message.text();
        return twilio.post("Messages.json", Map.of("To", address,
                "Body", text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text));
    }
}
