package org.incidentplatform.incident.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.incidentplatform.incident.periodic.PeriodicWork;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.view.IncidentViewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Makes Slack match {@link IncidentChannels}: creates the channel ({@code #inc-dns-records-missing-3f2a9c}),
 * posts the incident's summary with its buttons and pins it, invites whoever is wanted, archives it
 * once the incident is closed. Each step is recorded as soon as Slack confirms it, so a retry
 * repeats only what was not confirmed. Failures back off up to five minutes. One channel per
 * claim; every instance runs one, the claim keeps two from working on the same channel.
 */
@Component
class IncidentChannelWorker extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(IncidentChannelWorker.class);
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Duration LONGEST_BACK_OFF = Duration.ofMinutes(5);
    private static final int LIST_PAGES = 10;

    private final IncidentChannels channels;
    private final IncidentViewRepository views;
    private final SlackProperties properties;
    private final MethodsClient slack;

    IncidentChannelWorker(IncidentChannels channels, IncidentViewRepository views, SlackProperties properties) {
        super("slack-incident-channels", Duration.ofSeconds(1));
        this.channels = channels;
        this.views = views;
        this.properties = properties;
        this.slack = Slack.getInstance(SlackApp.slackConfig(properties)).methods(properties.enabled() ? properties.botToken() : "");
    }

    @Override
    protected void runOnce() {
        if (!properties.enabled() || properties.channelSeverities().isEmpty()) {
            return;
        }
        try {
            for (int worked = 0; worked < 20; worked++) {
                Optional<IncidentChannels.IncidentChannel> due = channels.claimNext(Instant.now(), CLAIM);
                if (due.isEmpty()) {
                    return;
                }
                work(due.get());
            }
        } catch (RuntimeException unexpected) {
            log.warn("Incident channel work failed; next try in a second: {}", unexpected.toString());
        }
    }

    private void work(IncidentChannels.IncidentChannel channel) {
        try {
            Optional<IncidentView> incident = views.find(channel.incidentId());
            if (incident.isEmpty()) {
                return; // The view lags the relay by a moment; the claim runs out and it is tried again.
            }
            String channelId = channel.channelId();
            if (channelId == null) {
                channelId = create(channel, incident.get());
            }
            if (channel.summaryTs() == null && !channel.archived()) {
                String id = channelId;
                String ts = call("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(id)
                        .text(SlackText.escape(incident.get().getTitle()) + ": " + incident.get().getSeverity())
                        .blocks(summary(incident.get())).unfurlLinks(false))).getTs();
                channels.record(channel.incidentId(), new Update().set("summaryTs", ts));
                call("pins.add", () -> slack.pinsAdd(r -> r.channel(id).timestamp(ts)));
            }
            for (String member : channel.toInvite()) {
                invite(channelId, member);
                channels.record(channel.incidentId(), new Update().addToSet("invited", member));
            }
            if (channel.archive() && !channel.archived()) {
                String id = channelId;
                archive(id);
                channels.record(channel.incidentId(), new Update().set("archived", true));
            }
            channels.done(channel);
        } catch (SlackRefused refused) {
            Duration backOff = Duration.ofSeconds(Math.min(LONGEST_BACK_OFF.toSeconds(), 2L << Math.min(channel.attempts(), 8)));
            log.warn("Incident channel for {}: {}; next try in {}", channel.incidentId(), refused.getMessage(), backOff);
            channels.failed(channel, refused.getMessage(), Instant.now().plus(backOff));
        }
    }

    /** Creates the channel, or finds the one an earlier try created before it could record it. */
    private String create(IncidentChannels.IncidentChannel channel, IncidentView incident) {
        String name = name(properties.channelPrefix(), incident.getTitle(), channel.incidentId());
        String id;
        try {
            id = call("conversations.create", () -> slack.conversationsCreate(r -> r.name(name).isPrivate(false))).getChannel().getId();
        } catch (SlackRefused refused) {
            if (!"name_taken".equals(refused.error)) {
                throw refused;
            }
            id = existing(name).orElseThrow(() -> new SlackRefused("conversations.create", "name_taken by an archived channel"));
        }
        channels.record(channel.incidentId(), new Update().set("channelId", id).set("channelName", name));
        String created = id;
        call("conversations.setPurpose", () -> slack.conversationsSetPurpose(r -> r.channel(created)
                .purpose(SlackText.limit("Incident " + channel.incidentId() + ": " + incident.getTitle(), 250))));
        return id;
    }

    private Optional<String> existing(String name) {
        String cursor = null;
        for (int page = 0; page < LIST_PAGES; page++) {
            String from = cursor;
            var listed = call("conversations.list", () -> slack.conversationsList(r -> r.excludeArchived(true).limit(200)
                    .cursor(from)));
            Optional<String> found = listed.getChannels().stream().filter(c -> name.equals(c.getName()))
                    .map(Conversation::getId).findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = listed.getResponseMetadata() == null ? null : listed.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void invite(String channelId, String member) {
        try {
            call("conversations.invite", () -> slack.conversationsInvite(r -> r.channel(channelId).users(List.of(member))));
        } catch (SlackRefused refused) {
            // Already there, or the app itself: nothing to do. A member who cannot be invited
            // (deactivated, a guest) is logged and not tried again: it would fail the same way.
            if (!List.of("already_in_channel", "cant_invite_self", "user_not_found", "cant_invite", "user_disabled")
                    .contains(refused.error)) {
                throw refused;
            }
            if (!"already_in_channel".equals(refused.error)) {
                log.warn("Not invited to incident channel {}: {} ({})", channelId, member, refused.error);
            }
        }
    }

    private void archive(String channelId) {
        try {
            call("conversations.archive", () -> slack.conversationsArchive(r -> r.channel(channelId)));
        } catch (SlackRefused refused) {
            if (!"already_archived".equals(refused.error)) {
                throw refused;
            }
        }
    }

    /** {@code inc-dns-records-missing-3f2a9c}: Slack's rules (lower case, digits, hyphens, at most 80), unique by the id's start. */
    static String name(String prefix, String title, String incidentId) {
        String slug = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String suffix = incidentId.replaceAll("[^a-z0-9]", "");
        suffix = suffix.substring(0, Math.min(6, suffix.length()));
        int room = 80 - prefix.length() - suffix.length() - 2;
        if (slug.length() > room) {
            slug = slug.substring(0, room).replaceAll("-$", "");
        }
        return slug.isEmpty() ? prefix + "-" + suffix : prefix + "-" + slug + "-" + suffix;
    }

    private static List<LayoutBlock> summary(IncidentView incident) {
        return List.of(
                header(h -> h.text(SlackModals.plain(incident.getTitle(), 150))),
                section(s -> s.fields(List.of(SlackModals.plain("Severity: " + incident.getSeverity(), 200),
                        SlackModals.plain("Commander: " + (incident.getCommander() == null ? "none yet" : incident.getCommander()), 200)))),
                context(c -> c.elements(List.of(plainText(p -> p.text("Incident " + incident.getId()
                        + ". /incident status, ack, update, resolve and page work in this channel.").emoji(false))))),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(SlackButtons.ACKNOWLEDGE).text(SlackModals.plain("Acknowledge", 75)).value(incident.getId())),
                        button(b -> b.actionId(SlackButtons.POST_UPDATE).text(SlackModals.plain("Post update", 75)).value(incident.getId())),
                        button(b -> b.actionId(SlackButtons.RESOLVE).text(SlackModals.plain("Resolve", 75)).value(incident.getId())),
                        button(b -> b.actionId(SlackButtons.PAGE).text(SlackModals.plain("Page someone", 75)).value(incident.getId()))))));
    }

    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T call() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        T response;
        try {
            response = call.call();
        } catch (SlackApiException refused) {
            throw new SlackRefused(method, "HTTP " + refused.getResponse().code());
        } catch (IOException unreachable) {
            throw new SlackRefused(method, "unreachable (" + unreachable.getClass().getSimpleName() + ")");
        }
        if (!response.isOk()) {
            throw new SlackRefused(method, response.getError());
        }
        return response;
    }

    /** A Web API call that did not succeed; {@code error} is Slack's code ({@code name_taken}). */
    static final class SlackRefused extends RuntimeException {
        final String error;

        SlackRefused(String method, String error) {
            super("Slack " + method + ": " + error);
            this.error = error;
        }
    }
}
