package org.incidentplatform.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What the GreenMail server received, as a person's mailbox would show it. */
public final class Mailbox {

    private Mailbox() {
    }

    /** The mails to one address whose Message-ID or References name the incident. */
    public static List<MimeMessage> about(GreenMail smtp, String recipient, String incidentId) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                boolean toRecipient = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(recipient));
                String ids = header(m, "Message-ID") + header(m, "References");
                return toRecipient && ids.contains(incidentId);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : value;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of the given type (text/plain, text/html), searched through nested multiparts. */
    public static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = part(child, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
