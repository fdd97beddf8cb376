package org.incidentplatform.notification.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.incidentplatform.notification.channel.ChannelTargets;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.paging.ActionLinks;
import org.incidentplatform.notification.paging.PagingLinks;
import org.incidentplatform.notification.channel.MessageThreads;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.RouteTarget;
import org.incidentplatform.notification.channel.SafeText;
import org.incidentplatform.notification.channel.SendResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP: multipart plain text and HTML, one thread per incident and list. The first
 * mail has the stable Message-ID {@code <incident-{id}@incident-platform>}, so re-sending it after
 * a crash gives mail clients the same message again rather than a second one; every later mail
 * answers it with In-Reply-To and References.
 */
@Component
class EmailChannel implements NotificationChannel {

    static final String NAME = "email";
    private static final String DOMAIN = "@incident-platform>";

    private static final String UTF_8 = "UTF-8";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of every jar for each
        // body part it creates, unless a system property names the class: name the one it finds.
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            ServiceLoader.load(StreamProvider.class, EmailChannel.class.getClassLoader()).findFirst()
                    .ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
        }
    }

    private final EmailProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final EmailTemplates templates;
    private final MessageThreads threads;
    private final PagingLinks links;

    /** Who acted through an incident e-mail's link, as incident-service records it. */
    static final String ACTION_LINK_ACTOR = "incident-email";

    EmailChannel(EmailProperties properties, ObjectProvider<JavaMailSender> mail, EmailTemplates templates,
            MessageThreads threads, PagingLinks links) {
        this.links = links;
        this.properties = properties;
        this.mail = mail;
        this.templates = templates;
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> targets() {
        // SMTP_HOST and ONCALL_EMAIL default to empty: then e-mail is simply not configured.
        if (!(mail.getIfAvailable() instanceof JavaMailSenderImpl sender) || sender.getHost() == null
                || sender.getHost().isBlank()) {
            return Set.of();
        }
        return ChannelTargets.usable(properties.targets(), target -> !recipients(target).isEmpty());
    }

    private static java.util.List<String> recipients(EmailProperties.Target target) {
        return target.to().stream().filter(address -> address != null && !address.isBlank()).toList();
    }

    @Override
    public Optional<RouteTarget> fallback(String target) {
        return ChannelTargets.fallback(properties.targets(), target, EmailProperties.Target::fallback);
    }

    @Override
    public boolean coalesces() {
        return true;
    }

    @Override
    public SendResult send(Dispatch dispatch) {
        JavaMailSender sender = mail.getObject();
        String incidentId = dispatch.incident().incidentId();
        String root = rootMessageId(incidentId);
        // A dispatch that starts at the incident's first event opens the thread (or repeats its
        // opening): updates reach a target in order, so nothing went out before it. No read then.
        boolean first = dispatch.updates().getFirst().sequence() == 0
                || threads.find(NAME, dispatch.target(), incidentId).isEmpty();
        String messageId = first ? root : "<incident-" + token(incidentId) + "." + token(dispatch.latest().eventId())
                + "." + token(dispatch.target()) + DOMAIN;
        try {
            // Built with Jakarta Mail directly: Spring's MimeMessageHelper loads the mime.types
            // file from its jar for every message it wraps (two thirds of this service's CPU in a storm).
            MimeMessage message = new FixedIdMessage(session(sender), messageId);
            message.setFrom(new InternetAddress(properties.from()));
            message.setRecipients(Message.RecipientType.TO,
                    InternetAddress.parse(String.join(",", recipients(properties.targets().get(dispatch.target())))));
            String subject = "[Incident] " + SafeText.oneLine(dispatch.incident().headline());
            message.setSubject(first ? subject : "Re: " + subject, UTF_8);
            ActionLinks actions = links.channelActions(dispatch, ACTION_LINK_ACTOR);
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(templates.text(dispatch, actions), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(templates.html(dispatch, actions), UTF_8, "html");
            message.setContent(new MimeMultipart("alternative", plain, html));
            if (!first) {
                message.setHeader("In-Reply-To", root);
                message.setHeader("References", root);
            }
            sender.send(message);
        } catch (MessagingException | MailException failed) {
            throw new DeliveryFailure("SMTP: " + failed.getMessage(), null, null, failed);
        }
        if (first) {
            threads.record(NAME, dispatch.target(), incidentId, root);
        }
        return SendResult.all(250, dispatch);
    }

    static String rootMessageId(String incidentId) {
        return "<incident-" + token(incidentId) + DOMAIN;
    }

    private static Session session(JavaMailSender sender) {
        return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : sender.createMimeMessage().getSession();
    }

    /** Message-IDs allow a limited alphabet; ids from outside are reduced to it. */
    private static String token(String value) {
        return value.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** JavaMail replaces Message-ID on every save; this message keeps the one it was given. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
