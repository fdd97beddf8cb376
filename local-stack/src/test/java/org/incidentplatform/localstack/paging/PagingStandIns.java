package org.incidentplatform.localstack.paging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Slack's Web API ({@code chat.postMessage}) and Twilio's Messages API on one local port, checking
 * what the real ones check (the bot token; the account in the path and its Basic credentials, a
 * form with To, From and Body) and recording what they accepted, with the time it arrived.
 */
final class PagingStandIns implements AutoCloseable {

    static final String SLACK_TOKEN = "xoxb-whole-system";
    static final String TWILIO_SID = "AC" + "00112233445566778899aabbccddeeff";
    static final String TWILIO_TOKEN = "whole-system-twilio-token";
    static final String TWILIO_FROM = "+15005550006";

    record Received(String to, String text, Instant at) {
    }

    private final HttpServer server;
    final List<Received> slack = new CopyOnWriteArrayList<>();
    final List<Received> sms = new CopyOnWriteArrayList<>();

    PagingStandIns() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slack/api/", this::slack);
        server.createContext("/twilio/", this::twilio);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void slack(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (!("Bearer " + SLACK_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
        } else if (exchange.getRequestURI().getPath().endsWith("/chat.update")) {
            // The channel's parent message is edited to the incident's state; nothing to record here.
            reply(exchange, 200, "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"" + form.get("ts") + "\"}");
        } else if (exchange.getRequestURI().getPath().matches(".*/conversations\\.(history|replies)")) {
            reply(exchange, 200, "{\"ok\":true,\"messages\":[],\"has_more\":false}");
        } else if (!exchange.getRequestURI().getPath().endsWith("/chat.postMessage") || form.get("channel") == null) {
            reply(exchange, 200, "{\"ok\":false,\"error\":\"unknown_method\"}");
        } else {
            slack.add(new Received(form.get("channel"), form.get("text"), Instant.now()));
            reply(exchange, 200, "{\"ok\":true,\"channel\":\"D0PAGE\",\"ts\":\"1700000000.000100\"}");
        }
    }

    private void twilio(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String basic = "Basic " + Base64.getEncoder().encodeToString((TWILIO_SID + ":" + TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!exchange.getRequestURI().getPath().equals("/twilio/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json")
                || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        } else if (!TWILIO_FROM.equals(form.get("From")) || form.getOrDefault("To", "").isBlank()
                || form.getOrDefault("Body", "").isBlank()) {
            reply(exchange, 400, "{\"code\":21211,\"message\":\"Invalid parameters\",\"status\":400}");
        } else {
            sms.add(new Received(form.get("To"), form.get("Body"), Instant.now()));
            reply(exchange, 201, "{\"sid\":\"SM0001\",\"status\":\"queued\"}");
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
