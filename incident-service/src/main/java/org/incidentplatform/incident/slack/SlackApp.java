package org.incidentplatform.incident.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.ReactionAddedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The Slack app, built with Slack's Bolt for Java: it parses each signed request from Slack and
 * routes it to the handler for its button, modal, command or event. {@link SlackEndpoints} has checked the
 * signature before anything here reads the body; Bolt checks it again with the same secret.
 * Off (empty) unless both the bot token and the signing secret are set.
 */
@Component
@EnableConfigurationProperties(SlackProperties.class)
class SlackApp {

    private final Optional<App> app;
    private final Optional<SlackRequestParser> parser;

    SlackApp(SlackProperties properties, SlackButtons buttons, SlackModalSubmissions submissions,
            IncidentSlashCommand command, SlackPins pins) {
        if (!properties.enabled()) {
            this.app = Optional.empty();
            this.parser = Optional.empty();
            return;
        }
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(properties.botToken())
                .signingSecret(properties.signingSecret())
                .slack(Slack.getInstance(slackConfig(properties)))
                .build();
        App built = new App(config);
        buttons.register(built);
        submissions.register(built);
        built.command(IncidentSlashCommand.NAME, command::handle);
        built.event(ReactionAddedEvent.class, pins::reactionAdded);
        // Link buttons (Timeline, Post-mortem) are reported too; they need only an acknowledgement.
        built.blockAction(Pattern.compile("timeline|postmortem"), (request, context) -> context.ack());
        this.app = Optional.of(built);
        this.parser = Optional.of(new SlackRequestParser(config));
    }

    static SlackConfig slackConfig(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrl());
        int timeout = Math.toIntExact(properties.timeout().toMillis());
        config.setHttpClientCallTimeoutMillis(timeout);
        config.setHttpClientReadTimeoutMillis(timeout);
        config.setPrettyResponseLoggingEnabled(false);
        // Call statistics would add auth.test calls of their own; nothing is sent anywhere else.
        config.getMethodsConfig().setStatsEnabled(false);
        return config;
    }

    boolean enabled() {
        return app.isPresent();
    }

    /** Hands one verified request to Bolt; its answer goes back to Slack as it is. */
    Response run(String path, String body, Map<String, List<String>> headers, String remoteAddress) throws Exception {
        Request<?> request = parser.orElseThrow().parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(path).queryString(Map.of()).requestBody(body).headers(new RequestHeaders(headers))
                .remoteAddress(remoteAddress).build());
        return app.orElseThrow().run(request);
    }
}
