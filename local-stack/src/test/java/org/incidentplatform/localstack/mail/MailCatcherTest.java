package org.incidentplatform.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What notification-service sends to the catcher can be read back, as JSON and as a page. */
class MailCatcherTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private MailCatcher catcher;
    private int smtpPort;

    @BeforeEach
    void start() throws IOException {
        smtpPort = freePort();
        catcher = MailCatcher.start("127.0.0.1", "127.0.0.1", smtpPort, freePort());
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void aMailSentOverSmtpIsListedAsJsonWithRecipientSubjectAndPlainTextBody() throws Exception {
        send("[Incident] Checkout errors above 2%", "SEV1 Checkout errors: investigating.", "<p>SEV1 <b>html</b></p>");

        HttpResponse<String> listing = get("application/json");

        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat((Integer) JsonPath.read(listing.body(), "$.count")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(listing.body(), "$.messages[0].to")).containsExactly("oncall@localhost");
        assertThat((String) JsonPath.read(listing.body(), "$.messages[0].subject")).isEqualTo("[Incident] Checkout errors above 2%");
        assertThat((String) JsonPath.read(listing.body(), "$.messages[0].body")).isEqualTo("SEV1 Checkout errors: investigating.");
    }

    @Test
    void theNewestMailIsListedFirst() throws Exception {
        send("[Incident] Disk full", "Opened.", "<p>Opened.</p>");
        send("Re: [Incident] Disk full", "Resolved.", "<p>Resolved.</p>");

        assertThat(catcher.messages()).extracting(CaughtMail::subject)
                .containsExactly("Re: [Incident] Disk full", "[Incident] Disk full");
    }

    @Test
    void theBrowserPageShowsEveryMailWithItsTextEscaped() throws Exception {
        send("[Incident] <script>alert(1)</script>", "Body with <tags> & more", "<p>html</p>");

        HttpResponse<String> page = get("text/html,application/xhtml+xml");

        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("(1)</h1>", "[Incident] &lt;script&gt;alert(1)&lt;/script&gt;",
                "Body with &lt;tags&gt; &amp; more", "oncall@localhost").doesNotContain("<script>");
    }

    @Test
    void aPageMailWithoutADateAndWithAlternativePartsAtTheTopIsListed() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("incidents@localhost"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("ada@example.com", true));
        message.setSubject("[Page] [SEV2] Walk-through", "UTF-8");
        message.setHeader("X-Priority", "1");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("You are paged. Acknowledge: http://127.0.0.1:8081/api/v1/pages/abc.def/acknowledge", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p><a href=\"http://x\">Acknowledge</a></p>", "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", plain, html));
        Transport.send(message);
        await().atMost(Duration.ofSeconds(5)).until(() -> catcher.messages().size() == 1);

        HttpResponse<String> listing = get("application/json");

        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(listing.body(), "$.messages[0].subject")).isEqualTo("[Page] [SEV2] Walk-through");
    }

    @Test
    void mailsAreReadFromAThreadWhoseLoaderCannotSeeTheMailLibraries() throws Exception {
        send("[Incident] Loader", "Plain text.", "<p>html</p>");
        // As the JDK's HTTP dispatcher thread in the packaged launcher: a loader without the nested jars.
        java.util.concurrent.atomic.AtomicReference<Object> read = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                read.set(catcher.messages().getFirst().body());
            } catch (RuntimeException failed) {
                read.set(failed);
            }
        });
        reader.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        reader.start();
        reader.join();

        assertThat(read.get()).isEqualTo("Plain text.");
    }

    private void send(String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("incidents@localhost"));
        message.setRecipients(Message.RecipientType.TO, "oncall@localhost");
        message.setSubject(subject, "UTF-8");
        // The shape Spring's MimeMessageHelper gives notification-service's mail: mixed > related > alternative.
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        message.setContent(nest("mixed", nest("related", alternative)));
        message.setSentDate(new java.util.Date());
        int before = catcher.messages().size();
        Transport.send(message);
        await().atMost(Duration.ofSeconds(5)).until(() -> catcher.messages().size() > before);
    }

    private static MimeMultipart nest(String subtype, MimeMultipart inner) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(inner);
        return new MimeMultipart(subtype, part);
    }

    private HttpResponse<String> get(String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(catcher.url())).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
