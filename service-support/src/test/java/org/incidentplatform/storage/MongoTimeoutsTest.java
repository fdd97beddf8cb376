package org.incidentplatform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** No MongoDB call waits without limit, whatever the connection string says. */
class MongoTimeoutsTest {

    // A Spring Boot application converts "10s" to a Duration; a bare context needs to be told how.
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(app -> app.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            .withConfiguration(AutoConfigurations.of(MongoTimeoutsAutoConfiguration.class));

    @Test
    void everyWaitIsBoundedByDefault() {
        context.run(app -> {
            MongoClientSettings settings = customised(app.getBean(MongoClientSettingsBuilderCustomizer.class));
            assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.SECONDS)).isEqualTo(5);
            assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.SECONDS)).isEqualTo(5);
            assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.SECONDS)).isEqualTo(5);
        });
    }

    @Test
    void aDeploymentSetsItsOwnBounds() {
        context.withPropertyValues("incidents.mongo.socket-timeout=30s", "incidents.mongo.wait-queue-timeout=2s")
                .run(app -> {
                    MongoClientSettings settings = customised(app.getBean(MongoClientSettingsBuilderCustomizer.class));
                    assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(30);
                    assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.SECONDS)).isEqualTo(2);
                });
    }

    private static MongoClientSettings customised(MongoClientSettingsBuilderCustomizer customizer) {
        // The driver's own defaults: no socket timeout, two minutes for a pooled connection.
        var builder = MongoClientSettings.builder().applyConnectionString(new ConnectionString("mongodb://localhost/reports"));
        customizer.customize(builder);
        return builder.build();
    }
}
