package org.incidentplatform.timeline.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of a rebuild.
 *
 * @param answerWithin how long the POST waits for the rebuild before answering 202
 * @param groupEmpty   how long to wait for the consumer group to have no members (it must be
 *                     empty before its offsets can be rewound)
 * @param catchUp      how long the replay may take before the rebuild is reported as failed
 */
@ConfigurationProperties("timeline.rebuild")
record RebuildProperties(
        @DefaultValue("60s") Duration answerWithin,
        @DefaultValue("30s") Duration groupEmpty,
        @DefaultValue("30m") Duration catchUp) {
}
