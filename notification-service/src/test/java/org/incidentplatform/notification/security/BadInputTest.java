package org.incidentplatform.notification.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.notification.NotificationServiceTest;
import org.incidentplatform.security.testing.BadInputCorpus;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;

class BadInputTest extends NotificationServiceTest {

    @Test
    void everyWriteEndpointAnswersHostileInputWithA4xxProblem() throws Exception {
        var corpus = new BadInputCorpus("http://localhost:" + port, TestCredentials.ADMIN_KEY, path -> false);

        assertThat(corpus.violations()).isEmpty();
        assertThat(corpus.requests()).isPositive();
    }
}
