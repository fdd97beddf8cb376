package org.incidentplatform.notification.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.paging.PageChannel;
import org.incidentplatform.notification.paging.PageMessage;
import org.incidentplatform.notification.paging.PagingLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Pages by e-mail to the person's own address, over the SMTP server notifications use. */
@Component
class EmailPageChannel extends PageChannel {

    private final EmailProperties properties;
    private final ObjectProvider<JavaMailSender> mail;

    EmailPageChannel(PagingLinks links, EmailProperties properties, ObjectProvider<JavaMailSender> mail) {
        super(links);
        this.properties = properties;
        this.mail = mail;
    }

    @Override
    public String contactType() {
        return "EMAIL";
    }

    @Override
    public boolean enabled() {
        return mail.getIfAvailable() instanceof JavaMailSenderImpl sender && sender.getHost() != null
                && !sender.getHost().isBlank();
    }

    @Override
    protected int deliver(String address, PageMessage message) {
        JavaMailSender sender = mail.getObject();
        try {
            MimeMessage mime = sender.createMimeMessage();
            mime.setFrom(new InternetAddress(properties.from()));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address, true));
            mime.setSubject("[Page] " + message.title(), "UTF-8");
            mime.setHeader("X-Priority", "1");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(message.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(html(message), "UTF-8", "html");
            mime.setContent(new MimeMultipart("alternative", plain, html));
            sender.send(mime);
        } catch (MessagingException | MailException failed) {
            throw new DeliveryFailure("SMTP: " + failed.getMessage(), null, null, failed);
        }
        return 250;
    }

    private static String html(PageMessage message) {
        StringBuilder html = new StringBuilder("<p>You are paged for <strong>")
                .append(HtmlUtils.htmlEscape(message.title())).append("</strong> (")
                .append(HtmlUtils.htmlEscape(message.page().reason())).append(").</p>");
        if (message.acknowledgeUrl() != null) {
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(message.acknowledgeUrl()))
                    .append("\">Acknowledge</a></p>");
        }
        if (message.timelineUrl() != null) {
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(message.timelineUrl())).append("\">Timeline</a></p>");
        }
        return html.toString();
    }
}
