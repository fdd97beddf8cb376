package org.incidentplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.deploy.support.Placeholders;
import org.incidentplatform.deploy.support.Placeholders.Placeholder;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void aPlaceholderWithoutDefaultIsRequired() {
        assertThat(Placeholders.in("${SLACK_TOKEN}")).containsExactly(new Placeholder("SLACK_TOKEN", null, false));
    }

    @Test
    void anEmptyDefaultIsStillADefault() {
        assertThat(Placeholders.in("${INCIDENTS_API_KEY:}")).containsExactly(new Placeholder("INCIDENTS_API_KEY", "", false));
    }

    @Test
    void aDefaultMayContainColonsAndNestedPlaceholders() {
        assertThat(Placeholders.in("${MONGODB_URI:mongodb://${MONGO_HOST}:27017/x} and ${PORT:80}")).containsExactly(
                new Placeholder("MONGODB_URI", "mongodb://${MONGO_HOST}:27017/x", false),
                new Placeholder("MONGO_HOST", null, true),
                new Placeholder("PORT", "80", false));
    }

    @Test
    void propertyReferencesAreNoEnvironmentVariables() {
        assertThat(Placeholders.in("${spring.application.name}").getFirst().isEnvironmentVariable()).isFalse();
        assertThat(Placeholders.in("${SMTP_HOST:localhost}").getFirst().isEnvironmentVariable()).isTrue();
    }
}
