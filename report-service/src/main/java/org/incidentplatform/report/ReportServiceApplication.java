package org.incidentplatform.report;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportServiceApplication.class, args);
    }

    /** "Now" for the status page's 14 days and the metrics' default period; a bean so tests could fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
