package org.incidentplatform.incident.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;

/**
 * Slack, as far as the app uses it, on a local port: the Web API methods (checking the bot token
 * as Slack does, answering {@code ok:false} with Slack's error codes where Slack would), the
 * {@code response_url}s of interactions, and the signing of the requests Slack sends the app.
 * One per test JVM, shared by the Spring context that points at it.
 */
public final class SlackStandIn {

    public static final String BOT_TOKEN = "xoxb-test-incidents";
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    /** One Web API call or response_url post as received. */
    public record Call(String method, Map<String, String> form, String body, Instant at) {
        public String get(String name) {
            return form.get(name);
        }
    }

    private static SlackStandIn shared;

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> channelsByName = new ConcurrentHashMap<>();
    private final Set<String> archived = ConcurrentHashMap.newKeySet();
    private final Map<String, String> messages = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::method);
        server.createContext("/respond/", this::respond);
        server.start();
    }

    public static synchronized SlackStandIn shared() {
        if (shared == null) {
            try {
                shared = new SlackStandIn();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Call> calls(String method, Predicate<Call> which) {
        return calls(method).stream().filter(which).toList();
    }

    private void method(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> form = contentType.startsWith("application/x-www-form-urlencoded") ? form(body) : Map.of();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + BOT_TOKEN).equals(auth) && !BOT_TOKEN.equals(form.get("token"))) {
            answer(exchange, "{\"ok\":false,\"error\":\"not_authed\"}");
            return;
        }
        calls.add(new Call(method, form, body, Instant.now()));
        answer(exchange, switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Example\",\"user\":\"incidents\","
                    + "\"team_id\":\"T0TEST\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
            case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V" + ids.incrementAndGet() + "\"}}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"1765000000."
                    + String.format("%06d", ids.incrementAndGet()) + "\"}";
            case "conversations.create" -> create(form.get("name"));
            case "conversations.archive" -> archived.add(form.get("channel")) ? "{\"ok\":true}"
                    : "{\"ok\":false,\"error\":\"already_archived\"}";
            case "conversations.list" -> list();
            case "conversations.history", "conversations.replies" -> history(form.get("channel"), form.get("latest"));
            case "pins.add", "conversations.invite", "conversations.setPurpose", "chat.postEphemeral" -> "{\"ok\":true}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        });
    }

    /** A message people posted in a channel, for {@code conversations.history} to return. */
    public void message(String channel, String ts, String user, String text) {
        messages.put(channel + "/" + ts, "{\"type\":\"message\",\"user\":\"" + user + "\",\"ts\":\"" + ts
                + "\",\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    private String history(String channel, String latest) {
        String message = messages.get(channel + "/" + latest);
        return "{\"ok\":true,\"messages\":[" + (message == null ? "" : message) + "],\"has_more\":false}";
    }

    private String create(String name) {
        if (name == null || !name.matches("[a-z0-9_-]{1,80}")) {
            return "{\"ok\":false,\"error\":\"invalid_name_specials\"}";
        }
        String id = "C" + ids.incrementAndGet();
        if (channelsByName.putIfAbsent(name, id) != null) {
            return "{\"ok\":false,\"error\":\"name_taken\"}";
        }
        return "{\"ok\":true,\"channel\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}";
    }

    private String list() {
        StringBuilder channels = new StringBuilder();
        channelsByName.forEach((name, id) -> {
            if (!archived.contains(id)) {
                channels.append(channels.isEmpty() ? "" : ",").append("{\"id\":\"").append(id).append("\",\"name\":\"")
                        .append(name).append("\"}");
            }
        });
        return "{\"ok\":true,\"channels\":[" + channels + "],\"response_metadata\":{\"next_cursor\":\"\"}}";
    }

    private void respond(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call("response_url:" + exchange.getRequestURI().getPath().substring("/respond/".length()),
                Map.of(), body, Instant.now()));
        answer(exchange, "ok");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", json.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** A form body as Slack sends it: {@code payload=<json>} for interactions, fields for commands. */
    public static String formOf(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Slack's v0 signature of a body sent at {@code timestamp}, with the app's signing secret. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
