package org.incidentplatform.localstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * An SMTP server (GreenMail) and the page that lists what it received, both on the stack's bind
 * address. It takes mail for any recipient without authentication and delivers none of it.
 */
public final class MailCatcher implements AutoCloseable {

    static {
        // GreenMail parses every message it receives with Jakarta Mail, which looks its stream
        // provider up with a ServiceLoader scan of every jar for each body part unless a system
        // property names the class (a tenth of this JVM's CPU in an alert burst): name the one found.
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            ServiceLoader.load(StreamProvider.class, MailCatcher.class.getClassLoader()).findFirst()
                    .ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
        }
    }

    private final GreenMail smtp;
    private final HttpServer web;
    private final String url;

    private MailCatcher(GreenMail smtp, HttpServer web, String url) {
        this.smtp = smtp;
        this.web = web;
        this.url = url;
    }

    /**
     * @param bindAddress IP address both servers listen on
     * @param clientHost  the address clients on this machine use, for the printed URL
     * @param smtpPort    SMTP port
     * @param webPort     port of the page
     */
    public static MailCatcher start(String bindAddress, String clientHost, int smtpPort, int webPort) {
        ServerSetup setup = new ServerSetup(smtpPort, bindAddress, ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress(bindAddress, webPort), 0);
            MailCatcher catcher = new MailCatcher(smtp, web, "http://" + clientHost + ":" + webPort + "/mail");
            web.createContext("/mail", catcher::list);
            web.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Could not serve the mail catcher's page on port " + webPort, e);
        }
    }

    /** Every message received so far, newest first (Date headers have whole seconds; this is arrival order). */
    public List<CaughtMail> messages() {
        // Parsed with this class's loader as the thread's context loader: the stream provider named
        // above is found through it, and the JDK's HTTP dispatcher thread has the application class
        // loader, which in the packaged launcher cannot see the nested jars (every listing of the
        // page failed with an empty reply as soon as one mail had arrived).
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MailCatcher.class.getClassLoader());
        try {
            return Arrays.stream(smtp.getReceivedMessages()).map(CaughtMail::of).toList().reversed();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The page: HTML when a browser asks for it, JSON otherwise (curl, scripts). */
    public String url() {
        return url;
    }

    private void list(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals("/mail")) {
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 404 : 405, -1);
                return;
            }
            String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
            boolean html = accept.contains("text/html");
            byte[] body = (html ? MailPage.html(messages()) : MailPage.json(messages())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", html ? "text/html; charset=utf-8" : "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
