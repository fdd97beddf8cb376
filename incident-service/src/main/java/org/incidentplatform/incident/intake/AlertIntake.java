package org.incidentplatform.incident.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentplatform.incident.integrations.GroupingMode;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlert;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlerts;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceivedAlert;
import org.incidentplatform.incident.web.RequestOrigin;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the normalised alerts to their streams and returns once every stream's events are stored.
 * Conflicts between instances (two writers of one stream version) are retried: the loser reloads
 * the stream, sees the winner's decision and counts a repeat instead of opening a second incident.
 */
@Component
class AlertIntake {

    private static final int MAX_ATTEMPTS = 50;

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final MeterRegistry meters;
    /** Bounds one command's events (and so one append's size) for a group's stream. */
    private final int maxAlertsPerCommand;

    AlertIntake(CommandGateway commands, EventStore eventStore, MeterRegistry meters,
            @Value("${incidents.intake.max-alerts-per-command:500}") int maxAlertsPerCommand) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.meters = meters;
        this.maxAlertsPerCommand = maxAlertsPerCommand;
    }

    /**
     * Alerts of one stream go in one command (in chunks), so a group of thousands is stored in a
     * few appends; different streams are sent one after the other, as before.
     *
     * @return how many alerts were recorded (resolves and acks of unknown alerts are accepted but change nothing)
     */
    int receive(Integration integration, List<AlertSignal> alerts, MetaData origin) {
        MetaData metaData = origin.and(RequestOrigin.ACTOR, integration.actor());
        Map<String, List<ReceivedAlert>> byStream = new LinkedHashMap<>();
        for (AlertSignal alert : alerts) {
            meters.counter("incidents.intake.alerts", "integration", integration.name(),
                    "action", alert.action().name().toLowerCase()).increment();
            byStream.computeIfAbsent(streamIdOf(integration, alert), id -> new ArrayList<>())
                    .add(new ReceivedAlert(integration.severityFor(alert.severity()), servicesOf(integration, alert), alert));
        }
        int recorded = 0;
        Instant receivedAt = Instant.now();
        for (Map.Entry<String, List<ReceivedAlert>> stream : byStream.entrySet()) {
            String streamId = stream.getKey();
            List<ReceivedAlert> received = stream.getValue();
            if (received.stream().noneMatch(a -> a.signal().action() == AlertSignal.Action.TRIGGER)
                    && eventStore.lastSequenceNumberFor(streamId).isEmpty()) {
                continue; // Nothing ever fired under this key here.
            }
            for (int from = 0; from < received.size(); from += maxAlertsPerCommand) {
                List<ReceivedAlert> chunk = received.subList(from, Math.min(received.size(), from + maxAlertsPerCommand));
                sendWithRetry(chunk.size() == 1 ? single(integration, streamId, chunk.get(0), receivedAt)
                        : new ReceiveAlerts(streamId, integration.id(), integration.name(), integration.autoResolve(),
                                List.copyOf(chunk), receivedAt), metaData);
                recorded += chunk.size();
            }
        }
        return recorded;
    }

    private static ReceiveAlert single(Integration integration, String streamId, ReceivedAlert alert, Instant receivedAt) {
        return new ReceiveAlert(streamId, integration.id(), integration.name(), integration.autoResolve(),
                alert.severity(), alert.services(), UUID.randomUUID().toString(), alert.signal(), receivedAt);
    }

    private void sendWithRetry(Object command, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                // Another instance wrote the same stream version (or created the stream) first.
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw conflict;
                }
            }
        }
    }

    /** One stream per alert, or per Alertmanager group in group mode; bounded length whatever the key. */
    static String streamIdOf(Integration integration, AlertSignal alert) {
        String streamKey = integration.grouping() == GroupingMode.PER_GROUP && alert.groupKey() != null
                ? "group|" + alert.groupKey() : "alert|" + alert.dedupKey();
        return "stream-" + sha256(integration.id() + "|" + streamKey).substring(0, 40);
    }

    private static List<String> servicesOf(Integration integration, AlertSignal alert) {
        Map<String, String> labels = alert.labels();
        return integration.serviceLabels().stream()
                .map(labels::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(value -> List.of(value.length() > 100 ? value.substring(0, 100) : value))
                .orElse(List.of());
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
