package org.incidentplatform.notification;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Twilio's REST API (2010-04-01) at {@code /twilio}: it refuses what the real one
 * refuses (an unknown account, wrong Basic credentials, a form that is not form-encoded, a missing
 * or malformed To or From, an empty Body) with Twilio's error shape, and records what it accepted.
 */
public final class FakeTwilio {

    public static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "twilio-test-auth-token";
    public static final String FROM = "+15005550006";

    private static final Pattern PATH = Pattern.compile("/twilio/2010-04-01/Accounts/(AC[0-9a-f]{32})/(Messages|Calls)\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** One accepted request: the resource ({@code Messages} or {@code Calls}) and its form fields. */
    public record Request(String resource, Map<String, String> form) {
    }

    private final List<Request> accepted = new CopyOnWriteArrayList<>();

    public List<Request> messagesTo(String phone) {
        return accepted.stream().filter(r -> r.resource().equals("Messages") && phone.equals(r.form().get("To"))).toList();
    }

    public List<Request> callsTo(String phone) {
        return accepted.stream().filter(r -> r.resource().equals("Calls") && phone.equals(r.form().get("To"))).toList();
    }

    void handle(HttpExchange exchange) throws IOException {
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
            error(exchange, 404, 20404, "The requested resource was not found");
            return;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        if (!path.group(1).equals(ACCOUNT_SID) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, 20003, "Authenticate");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            error(exchange, 400, 20001, "Content-Type must be application/x-www-form-urlencoded");
            return;
        }
        Map<String, String> form = form(body);
        String resource = path.group(2);
        if (!E164.matcher(form.getOrDefault("To", "")).matches()) {
            error(exchange, 400, 21211, "The 'To' number is not a valid phone number.");
        } else if (!FROM.equals(form.get("From"))) {
            error(exchange, 400, 21606, "The 'From' phone number is not a valid, SMS-capable inbound phone number for your account.");
        } else if (resource.equals("Messages") && (form.getOrDefault("Body", "").isBlank() || form.get("Body").length() > 1600)) {
            error(exchange, 400, 21602, "Message body is required and at most 1600 characters.");
        } else if (resource.equals("Calls") && form.getOrDefault("Twiml", "").isBlank() && form.getOrDefault("Url", "").isBlank()) {
            error(exchange, 400, 21205, "Url or Twiml is required.");
        } else {
            accepted.add(new Request(resource, form));
            String sid = (resource.equals("Messages") ? "SM" : "CA") + UUID.randomUUID().toString().replace("-", "");
            reply(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + form.get("To") + "\"}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        reply(exchange, status, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
