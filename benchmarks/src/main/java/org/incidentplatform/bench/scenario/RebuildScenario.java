package org.incidentplatform.bench.scenario;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.incidentplatform.bench.load.AlertIds;
import org.incidentplatform.bench.load.ClosedLoopLoad;
import org.incidentplatform.bench.load.NotificationReceiver;
import org.incidentplatform.bench.load.SendLog;
import org.incidentplatform.bench.measure.Figures;
import org.incidentplatform.bench.peer.PlatformPeer;

/**
 * Scenario 4, ours only (Alertmanager keeps no projection): fill the topics with a burst of
 * alerts, then time a raw consumer reading them from the start, and each projection's rebuild
 * (wipe and replay through the service's own listeners) until its consumer group has committed
 * up to the end offsets captured when it began.
 */
public final class RebuildScenario {

    private static final String INCIDENT_EVENTS = "incident-events.v1";
    private static final String DELIVERY_EVENTS = "notification-deliveries.v1";

    private RebuildScenario() {
    }

    public interface PlatformFactory {
        PlatformPeer start(String receiverUrl, Path workDir) throws Exception;
    }

    public static Figures run(PlatformFactory factory, Path workDir, int alerts, Duration drain) throws Exception {
        AlertIds ids = new AlertIds();
        SendLog log = new SendLog(alerts);
        try (NotificationReceiver receiver = new NotificationReceiver(ids, alerts);
                PlatformPeer peer = factory.start(receiver.url(), workDir);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, peer.kafkaBootstrap()))) {
            int sent = new ClosedLoopLoad(peer, ids, 16).run(log, Duration.ofHours(1));
            Drain.await(log, sent, receiver, drain);
            // Every consumer, the delivery topic's included, has settled before anything is replayed.
            Map<TopicPartition, Long> ends = endOffsets(admin, List.of(INCIDENT_EVENTS, DELIVERY_EVENTS));
            awaitCommitted(admin, "timeline-service", ends, drain);
            awaitCommitted(admin, "report-service", only(ends, INCIDENT_EVENTS), drain);

            Figures figures = new Figures().put("alerts", sent)
                    .put("incident_events", total(only(ends, INCIDENT_EVENTS)))
                    .put("delivery_events", total(only(ends, DELIVERY_EVENTS)));
            figures.put("raw_events_per_s", rawConsumption(peer.kafkaBootstrap(), ends));
            figures.put("timeline_events_per_s", rebuild(peer, admin, "timeline-service", ends, drain));
            figures.put("report_events_per_s", rebuild(peer, admin, "report-service", only(ends, INCIDENT_EVENTS), drain));
            figures.put("timeline_vs_raw", figures.get("timeline_events_per_s") / figures.get("raw_events_per_s"));
            figures.put("report_vs_raw", figures.get("report_events_per_s") / figures.get("raw_events_per_s"));
            return figures;
        }
    }

    /** Events per second of a plain consumer reading every record (bytes, not parsed) from the start. */
    private static double rawConsumption(String bootstrap, Map<TopicPartition, Long> ends) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long start = System.nanoTime();
            long records = 0;
            Set<TopicPartition> unfinished = new HashSet<>(ends.keySet());
            while (!unfinished.isEmpty()) {
                records += consumer.poll(Duration.ofMillis(500)).count();
                unfinished.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double rebuild(PlatformPeer peer, Admin admin, String service, Map<TopicPartition, Long> ends,
            Duration patience) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = HttpClient.newHttpClient().send(
                peer.admin(service, "/api/v1/admin/projection/rebuild").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() / 100 != 2) {
            throw new IllegalStateException(service + " refused the rebuild: " + started.statusCode() + " " + started.body());
        }
        // The rebuild rewinds the group to the start: wait until it is back at the ends.
        awaitCommitted(admin, service, ends, patience);
        return total(ends) / ((System.nanoTime() - start) / 1e9);
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var topic : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static void awaitCommitted(Admin admin, String group, Map<TopicPartition, Long> ends, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " did not reach the end offsets within " + patience);
            }
            Thread.sleep(50);
        }
    }

    private static Map<TopicPartition, Long> only(Map<TopicPartition, Long> offsets, String topic) {
        Map<TopicPartition, Long> selected = new HashMap<>(offsets);
        selected.keySet().removeIf(partition -> !partition.topic().equals(topic));
        return selected;
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
