package org.incidentplatform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A service's log, configured by Spring Boot as every service is: text that a caller controls
 * cannot start a new line or hide behind a line separator, in the message or in an exception's.
 */
@SpringBootTest(classes = EscapedLogLinesTest.LoggingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"incidents.consumer.enabled=false", "spring.mongodb.uri=mongodb://127.0.0.1:9/none?serverSelectionTimeoutMS=200"})
@ExtendWith(OutputCaptureExtension.class)
class EscapedLogLinesTest {

    private static final Logger log = LoggerFactory.getLogger(EscapedLogLinesTest.class);
    private static final String FORGED = "checkout\r\n2026-11-21T09:39:30.123Z  INFO 1 --- [main] forged : admin logged in\u2028\u0085\u001b[2J";

    @Test
    void aMessageWithLineBreaksAndControlsStaysOneEscapedLine(CapturedOutput output) {
        log.warn("Refused incident title {}", FORGED);

        assertThat(output.getOut()).contains(
                "Refused incident title checkout\\r\\n2026-11-21T09:39:30.123Z  INFO 1 --- [main] forged : admin logged in\\u2028\\u0085\\u001b[2J");
        assertThat(output.getOut()).doesNotContain("\n2026-11-21T09:39:30.123Z  INFO 1 --- [main] forged");
    }

    @Test
    void anExceptionMessageIsEscapedWhileItsFramesKeepTheirLines(CapturedOutput output) {
        log.error("Intake failed", new IllegalStateException("bad label " + FORGED, new RuntimeException("cause\nforged")));

        assertThat(output.getOut()).contains("java.lang.IllegalStateException: bad label checkout\\r\\n2026-11-21T09:39:30.123Z")
                .contains("Caused by: java.lang.RuntimeException: cause\\nforged")
                .contains("\n\tat org.incidentplatform.logging.EscapedLogLinesTest.");
        assertThat(output.getOut()).doesNotContain("\nforged");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class LoggingApplication {
    }
}
