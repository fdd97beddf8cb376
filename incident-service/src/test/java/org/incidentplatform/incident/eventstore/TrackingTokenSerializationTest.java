package org.incidentplatform.incident.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The token store persists tokens with the application's general serializer. If a token cannot
 * make the round trip, a streaming processor loops on the error and publishing stops (see
 * STACK-NOTES), so these use the serializer bean exactly as the application configures it.
 */
@IncidentServiceTest
class TrackingTokenSerializationTest {

    @Autowired
    Serializer serializer;

    @Test
    void mongoTrackingTokenSurvivesTheRoundTrip() {
        MongoTrackingToken token = MongoTrackingToken.of(Instant.parse("2026-11-21T10:07:00Z"), "event-1")
                .advanceTo(Instant.parse("2026-11-21T10:07:01Z"), "event-2", Duration.ofSeconds(10));

        assertThat(roundTrip(token)).isEqualTo(token);
    }

    @Test
    void replayTokenWrappingAMongoTokenSurvivesTheRoundTrip() {
        MongoTrackingToken tokenAtReset = MongoTrackingToken.of(Instant.parse("2026-11-21T10:41:00Z"), "event-9");
        TrackingToken replay = ReplayToken.createReplayToken(tokenAtReset, null, "rebuild-context");

        assertThat(roundTrip(replay)).isInstanceOf(ReplayToken.class).isEqualTo(replay);
    }

    @Test
    void replayTokenWrappingAGlobalSequenceTokenSurvivesTheRoundTrip() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(41),
                new GlobalSequenceTrackingToken(3));

        assertThat(roundTrip(replay)).isEqualTo(replay);
    }

    private TrackingToken roundTrip(TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        return serializer.deserialize(serialized);
    }
}
