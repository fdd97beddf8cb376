package org.incidentplatform.incident.slack;

import com.slack.api.bolt.response.Response;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentplatform.incident.web.ProblemDetails;
import org.incidentplatform.security.SlackSignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Slack calls the app: interactive payloads (buttons, modals), the {@code /incident} slash
 * command and events (a reaction that adds a message to the timeline). Public paths: Slack sends no API key, its signature is the credential. The raw body's
 * v0 signature (signing secret, five-minute window, constant-time comparison) is checked before
 * anything reads the body; a request that fails gets 401 and changes nothing.
 */
@RestController
@Tag(name = "Slack")
class SlackEndpoints {

    static final String INTERACTIONS = "/api/v1/slack/interactions";
    static final String COMMANDS = "/api/v1/slack/commands";
    static final String EVENTS = "/api/v1/slack/events";
    private static final Logger log = LoggerFactory.getLogger(SlackEndpoints.class);

    private final SlackApp app;
    private final Optional<SlackSignatureVerifier> signatures;

    SlackEndpoints(SlackApp app, SlackProperties properties) {
        this.app = app;
        this.signatures = properties.enabled()
                ? Optional.of(new SlackSignatureVerifier(properties.signingSecret(), Clock.systemUTC()))
                : Optional.empty();
    }

    // No "consumes": whatever the content type, the signature is checked first and decides.
    @PostMapping(path = INTERACTIONS)
    @Operation(summary = "Slack interactivity: buttons and modals (Request URL of the Slack app's Interactivity)",
            description = "Called by Slack, signed with the app's signing secret (X-Slack-Signature, X-Slack-Request-Timestamp).")
    ResponseEntity<?> interactions(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return handle(INTERACTIONS, body, request);
    }

    @PostMapping(path = COMMANDS)
    @Operation(summary = "Slack slash command /incident (Request URL of the command)",
            description = "Called by Slack, signed with the app's signing secret (X-Slack-Signature, X-Slack-Request-Timestamp).")
    ResponseEntity<?> commands(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return handle(COMMANDS, body, request);
    }

    @PostMapping(path = EVENTS)
    @Operation(summary = "Slack Events API: a reaction that adds a message to the timeline (Request URL of Event Subscriptions)",
            description = "Called by Slack, signed with the app's signing secret; answers Slack's url_verification challenge.")
    ResponseEntity<?> events(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return handle(EVENTS, body, request);
    }

    private ResponseEntity<?> handle(String path, byte[] body, HttpServletRequest request) {
        if (signatures.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Slack is not connected",
                    "This installation has no Slack app: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (docs/slack.md).");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!signatures.get().verify(request.getHeader("X-Slack-Request-Timestamp"),
                request.getHeader("X-Slack-Signature"), raw)) {
            return problem(HttpStatus.UNAUTHORIZED, "Slack signature not valid",
                    "The request's X-Slack-Signature is missing or wrong, or its X-Slack-Request-Timestamp is more than"
                            + " five minutes from now; nothing was done.");
        }
        Response answer;
        try {
            answer = app.run(path, new String(raw, StandardCharsets.UTF_8), headers(request), request.getRemoteAddr());
        } catch (com.google.gson.JsonParseException | IllegalStateException | IllegalArgumentException | ClassCastException
                 | NullPointerException notSlacksShape) {
            // Signed, so from Slack (or its stand-in), but not a payload this app understands.
            return problem(HttpStatus.BAD_REQUEST, "Not a Slack request this app understands",
                    "The body is not a Slack interaction or slash command payload: " + notSlacksShape.getClass().getSimpleName());
        } catch (Exception failed) {
            log.error("A Slack request failed", failed);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Slack request failed",
                    "It was not completed; Slack may send it again.");
        }
        if (answer.getStatusCode() >= 400) {
            // Bolt's own refusals (no handler for that action, its signature check) as problem details.
            HttpStatus status = HttpStatus.resolve(answer.getStatusCode());
            return problem(status == null || status.is5xxServerError() ? HttpStatus.BAD_REQUEST : status, "Slack request not handled",
                    answer.getBody() == null ? "Bolt answered " + answer.getStatusCode() : SlackText.limit(answer.getBody(), 200));
        }
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.getStatusCode());
        if (answer.getContentType() != null) {
            reply.header("Content-Type", answer.getContentType());
        }
        return reply.body(answer.getBody() == null ? "" : answer.getBody());
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetails.problem(status, title, detail));
    }
}
