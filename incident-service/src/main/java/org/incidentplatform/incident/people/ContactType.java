package org.incidentplatform.incident.people;

/** How a person can be reached, and the form of the address each way takes. */
public enum ContactType {
    /** An e-mail address. */
    EMAIL("[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}", "an e-mail address such as ada@example.com"),
    /** A Slack member id; the page goes as a direct message. */
    SLACK("[UW][A-Z0-9]{2,20}", "a Slack member id such as U024BE7LH"),
    /** A phone number in E.164 form, texted through Twilio. */
    SMS("\\+[1-9][0-9]{6,14}", "a phone number in E.164 form such as +33612345678"),
    /** A phone number in E.164 form, called through Twilio. */
    VOICE("\\+[1-9][0-9]{6,14}", "a phone number in E.164 form such as +33612345678"),
    /** A topic on the operator's ntfy server, pushed to the person's phone. */
    NTFY("[A-Za-z0-9_-]{1,64}", "an ntfy topic name of letters, digits, - and _");

    private final java.util.regex.Pattern form;
    private final String described;

    ContactType(String form, String described) {
        this.form = java.util.regex.Pattern.compile(form);
        this.described = described;
    }

    boolean accepts(String address) {
        return address != null && form.matcher(address).matches();
    }

    String described() {
        return described;
    }
}
