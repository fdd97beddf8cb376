package org.incidentplatform.timeline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.consuming.BusyPollSpacing;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/** Its consumers are off the path to a notification: they space their polls while busy. */
class PollSpacingTest extends TimelineServiceTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void everyConsumerSpacesItsPollsWhileBusy() {
        assertThat(listeners.getListenerContainers()).isNotEmpty().allSatisfy(container ->
                assertThat(((AbstractMessageListenerContainer<?, ?>) container).getBatchInterceptor()).isInstanceOf(BusyPollSpacing.class));
    }
}
