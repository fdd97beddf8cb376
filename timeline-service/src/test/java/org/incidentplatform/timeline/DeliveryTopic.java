package org.incidentplatform.timeline;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.Topics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The delivery topic as notification-service writes it, with the contract's samples re-addressed. */
public final class DeliveryTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    public DeliveryTopic(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /**
     * The sample of a delivery type, for another incident, under a fresh event id, about the
     * incident event at the given sequence.
     */
    public static String sample(String typeName, String incidentId, long incidentSequence) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(EventSamples.json(typeName));
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("subject", incidentId);
        envelope.put("incidentsequence", incidentSequence);
        ((ObjectNode) envelope.get("data")).put("incidentId", incidentId);
        return JSON.writeValueAsString(envelope);
    }

    public static String id(String json) {
        return JSON.readTree(json).path("id").asString();
    }

    public static String with(String json, String field, String value) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(json);
        envelope.put(field, value);
        return JSON.writeValueAsString(envelope);
    }

    public RecordMetadata publish(String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.DELIVERY_EVENTS, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + Topics.DELIVERY_EVENTS, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
