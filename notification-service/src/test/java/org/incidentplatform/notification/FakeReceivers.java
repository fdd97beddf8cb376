package org.incidentplatform.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server on 127.0.0.1 that behaves like Slack's Web API ({@code chat.postMessage},
 * {@code chat.update}, {@code conversations.history}, {@code conversations.replies}, with
 * Slack's one-message-per-second-per-channel limit) and like Teams and webhook receivers, and
 * records everything it was sent. Each Slack channel or receiver path can be switched to fail.
 */
public final class FakeReceivers implements AutoCloseable {

    /**
     * How a Slack channel or receiver answers. The hostile ones: {@code RETRY_AFTER_YEARS} (429,
     * Retry-After 99999999999 s), {@code UNAVAILABLE_UNTIL_9999} (503, Retry-After an HTTP-date in
     * 9999), {@code TRICKLE} (200, then one byte per second for minutes), {@code HUGE_BODY} (200
     * with a 100 MB body).
     */
    public enum Mode { OK, FAIL_500, RATE_LIMITED, SLOW, RETRY_AFTER_YEARS, UNAVAILABLE_UNTIL_9999, TRICKLE, HUGE_BODY }

    static final long HUGE_BODY_BYTES = 100L * 1024 * 1024;

    /** One Slack message as posted; {@code ts} is Slack's id for it; {@code traceparent} the request header. */
    public record SlackMessage(String channel, String ts, String threadTs, String text, String blocks,
            JsonNode metadata, String traceparent) {

        public boolean isReply() {
            return threadTs != null && !threadTs.equals(ts);
        }

        public String about(String key) {
            return metadata == null ? null : metadata.path("event_payload").path(key).asString(null);
        }
    }

    public record SlackEdit(String channel, String ts, String text, String blocks) {
    }

    /** One call to a Teams or webhook receiver. */
    public record Call(String path, Map<String, String> headers, String body) {
    }

    /** Slack's rate limit as the fake enforces it; a little under a second to absorb scheduling noise. */
    static final long SLACK_MIN_GAP_MILLIS = 900;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    /** Twilio's REST API as the real one checks a request: account, Basic credentials, form fields. */
    public final FakeTwilio twilio = new FakeTwilio();
    private final AtomicLong nextTs = new AtomicLong(1_700_000_000_000_100L);
    private final List<SlackMessage> messages = new CopyOnWriteArrayList<>();
    private final List<SlackEdit> edits = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> rejected429 = new CopyOnWriteArrayList<>();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPostMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> bodyBytesWritten = new ConcurrentHashMap<>();

    public FakeReceivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slack/api/", this::slack);
        server.createContext("/hooks/", this::hook);
        server.createContext("/twilio/", twilio::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Sets how a Slack channel ({@code C-...}) or a receiver path ({@code /hooks/...}) answers. */
    public void mode(String channelOrPath, Mode mode) {
        modes.put(channelOrPath, mode);
    }

    public List<SlackMessage> slackMessages(String incidentId) {
        return messages.stream().filter(m -> incidentId.equals(m.about("incident_id"))).toList();
    }

    public List<SlackEdit> slackEdits(String channel, String ts) {
        return edits.stream().filter(e -> e.channel().equals(channel) && e.ts().equals(ts)).toList();
    }

    /** Slack messages posted to one channel or, for direct messages, to one member id. */
    public List<SlackMessage> slackMessagesTo(String channel) {
        return messages.stream().filter(m -> channel.equals(m.channel())).toList();
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** Every request a Slack channel or receiver path got, whatever it answered. */
    public int hits(String channelOrPath) {
        AtomicInteger count = hits.get(channelOrPath);
        return count == null ? 0 : count.get();
    }

    /** Response body bytes a TRICKLE or HUGE_BODY answer managed to write before the caller went away. */
    public long bodyBytesWritten(String channelOrPath) {
        AtomicLong written = bodyBytesWritten.get(channelOrPath);
        return written == null ? 0 : written.get();
    }

    /** Slack messages refused with 429 because they came faster than the limit. */
    public List<String> rateLimited() {
        return List.copyOf(rejected429);
    }

    private void slack(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/slack/api/".length());
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String channel = form.getOrDefault("channel", "");
        if (!"Bearer xoxb-test".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        if (method.startsWith("chat.") && answeredByMode(exchange, channel)) {
            return;
        }
        switch (method) {
            case "chat.postMessage" -> postMessage(exchange, channel, form);
            case "chat.update" -> {
                edits.add(new SlackEdit(channel, form.get("ts"), form.get("text"), form.get("blocks")));
                reply(exchange, 200, ok(channel, form.get("ts")).toString());
            }
            case "conversations.history" -> history(exchange, channel, null);
            case "conversations.replies" -> history(exchange, channel, form.get("ts"));
            default -> reply(exchange, 200, "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
    }

    private synchronized void postMessage(HttpExchange exchange, String channel, Map<String, String> form)
            throws IOException {
        long now = System.currentTimeMillis();
        Long last = lastPostMillis.get(channel);
        if (last != null && now - last < SLACK_MIN_GAP_MILLIS) {
            rejected429.add(channel);
            exchange.getResponseHeaders().add("Retry-After", "1");
            reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        lastPostMillis.put(channel, now);
        String ts = tsOf(nextTs.getAndIncrement());
        JsonNode metadata = form.containsKey("metadata") ? JSON.readTree(form.get("metadata")) : null;
        messages.add(new SlackMessage(channel, ts, form.get("thread_ts"), form.get("text"), form.get("blocks"),
                metadata, exchange.getRequestHeaders().getFirst("traceparent")));
        reply(exchange, 200, ok(channel, ts).toString());
    }

    private void history(HttpExchange exchange, String channel, String threadTs) throws IOException {
        ObjectNode response = JSON.createObjectNode().put("ok", true).put("has_more", false);
        ArrayNode list = response.putArray("messages");
        List<SlackMessage> newestFirst = new ArrayList<>(messages).reversed();
        for (SlackMessage m : newestFirst) {
            boolean wanted = m.channel().equals(channel) && (threadTs == null ? !m.isReply()
                    : threadTs.equals(m.threadTs()) || threadTs.equals(m.ts()));
            if (wanted) {
                ObjectNode node = list.addObject().put("type", "message").put("ts", m.ts()).put("text", m.text());
                if (m.threadTs() != null) {
                    node.put("thread_ts", m.threadTs());
                }
                if (m.metadata() != null) {
                    node.set("metadata", m.metadata());
                }
            }
        }
        reply(exchange, 200, response.toString());
    }

    private void hook(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (answeredByMode(exchange, path)) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        calls.add(new Call(path, headers, body));
        reply(exchange, 200, "1");
    }

    private boolean answeredByMode(HttpExchange exchange, String key) throws IOException {
        hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        switch (modes.getOrDefault(key, Mode.OK)) {
            case RETRY_AFTER_YEARS -> {
                exchange.getResponseHeaders().add("Retry-After", "99999999999");
                reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            case UNAVAILABLE_UNTIL_9999 -> {
                exchange.getResponseHeaders().add("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT");
                reply(exchange, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}");
            }
            case TRICKLE -> trickle(exchange, key);
            case HUGE_BODY -> hugeBody(exchange, key);
            case FAIL_500 -> reply(exchange, 500, "{\"ok\":false,\"error\":\"fatal_error\"}");
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                reply(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            case SLOW -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 500, "{\"ok\":false,\"error\":\"too_slow\"}");
            }
            case OK -> {
                return false;
            }
        }
        return true;
    }

    /** 200 and then a byte a second, for up to five minutes or until the caller hangs up. */
    private void trickle(HttpExchange exchange, String key) {
        AtomicLong written = bodyBytesWritten.computeIfAbsent(key, k -> new AtomicLong());
        try (var out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            out.write('{');
            out.flush();
            for (int second = 0; second < 300; second++) {
                Thread.sleep(1_000);
                out.write(' ');
                out.flush();
                written.incrementAndGet();
            }
        } catch (IOException | InterruptedException callerWentAway) {
            // What the test wants: the caller gave up.
        }
    }

    /** 200 with a 100 MB body, written as fast as the caller reads it. */
    private void hugeBody(HttpExchange exchange, String key) {
        AtomicLong written = bodyBytesWritten.computeIfAbsent(key, k -> new AtomicLong());
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try (var out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, HUGE_BODY_BYTES);
            for (long sent = 0; sent < HUGE_BODY_BYTES; sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        } catch (IOException callerWentAway) {
            // The caller stopped reading: what the test wants.
        }
    }

    private static ObjectNode ok(String channel, String ts) {
        return JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", ts);
    }

    private static String tsOf(long value) {
        String digits = Long.toString(value);
        return digits.substring(0, 10) + "." + digits.substring(10);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
