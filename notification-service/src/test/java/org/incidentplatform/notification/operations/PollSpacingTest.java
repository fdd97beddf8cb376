package org.incidentplatform.notification.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/** Its consumer is on the path to every page: its polls are never spaced (BusyPollSpacing is for projections). */
class PollSpacingTest extends NotificationServiceTest {

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void noConsumerHereWaitsBetweenPolls() {
        assertThat(listeners.getListenerContainers()).isNotEmpty().allSatisfy(container ->
                assertThat(((AbstractMessageListenerContainer<?, ?>) container).getBatchInterceptor()).isNull());
    }
}
