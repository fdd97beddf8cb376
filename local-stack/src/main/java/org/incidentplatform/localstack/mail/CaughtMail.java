package org.incidentplatform.localstack.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One message the catcher received, as a reader wants it: who from and to, the subject, the
 * plain-text body (the HTML part when a message has no plain text) and its Date header.
 */
public record CaughtMail(String from, List<String> to, String subject, String body, Instant sentAt) {

    static CaughtMail of(MimeMessage message) {
        try {
            return new CaughtMail(
                    message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString(),
                    message.getRecipients(Message.RecipientType.TO) == null ? List.of()
                            : Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList(),
                    Optional.ofNullable(message.getSubject()).orElse(""),
                    text(message, "text/plain").or(() -> text(message, "text/html")).orElse(""),
                    message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant());
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message: " + e.getMessage(), e);
        }
    }

    /** The first part of the given type, looking into nested multiparts (mixed, related, alternative). */
    private static Optional<String> text(Part part, String type) {
        try {
            if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return Optional.of(String.valueOf(part.getContent()));
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<String> found = text(child, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }
}
