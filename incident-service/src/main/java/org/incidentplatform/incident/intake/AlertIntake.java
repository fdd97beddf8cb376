package org.incidentplatform.incident.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
import org.incidentplatform.incident.web.RequestOrigin;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Sends each normalised alert to its stream and returns once every stream's events are stored.
 * Conflicts between instances (two writers of one stream version) are retried: the loser reloads
 * the stream, sees the winner's decision and counts a repeat instead of opening a second incident.
 */
@Component
class AlertIntake {

    private static final int MAX_ATTEMPTS = 50;

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final MeterRegistry meters;

    AlertIntake(CommandGateway commands, EventStore eventStore, MeterRegistry meters) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    /** @return how many alerts were recorded (resolves and acks of unknown alerts are accepted but change nothing) */
    int receive(Integration integration, List<AlertSignal> alerts, MetaData origin) {
        MetaData metaData = origin.and(RequestOrigin.ACTOR, integration.actor());
        int recorded = 0;
        for (AlertSignal alert : alerts) {
            String streamId = streamIdOf(integration, alert);
            meters.counter("incidents.intake.alerts", "integration", integration.name(),
                    "action", alert.action().name().toLowerCase()).increment();
            if (alert.action() != AlertSignal.Action.TRIGGER && eventStore.lastSequenceNumberFor(streamId).isEmpty()) {
                continue; // Nothing ever fired under this key here.
            }
            ReceiveAlert command = new ReceiveAlert(streamId, integration.id(), integration.name(),
                    integration.autoResolve(), integration.severityFor(alert.severity()), servicesOf(integration, alert),
                    UUID.randomUUID().toString(), alert, Instant.now());
            sendWithRetry(command, metaData);
            recorded++;
        }
        return recorded;
    }

    private void sendWithRetry(ReceiveAlert command, MetaData metaData) {
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
