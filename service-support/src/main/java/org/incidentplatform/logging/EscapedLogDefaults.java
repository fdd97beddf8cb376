package org.incidentplatform.logging;

import ch.qos.logback.classic.PatternLayout;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Runs before Spring Boot configures logging, so every pattern layout it (or a
 * {@code logback-test.xml}) creates uses the escaping converters. Logback keeps its built-in
 * conversion words in a static map that Boot's reset leaves alone; replacing the message words
 * there covers patterns we do not write ourselves.
 */
public class EscapedLogDefaults implements EnvironmentPostProcessor {

    static final String EXCEPTION_WORD = "escEx";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent("ch.qos.logback.classic.PatternLayout", getClass().getClassLoader())) {
            return;
        }
        register();
        environment.getPropertySources().addLast(new MapPropertySource("incidentPlatformLogDefaults",
                Map.of("logging.exception-conversion-word", "%" + EXCEPTION_WORD)));
    }

    static void register() {
        for (String word : new String[] {"m", "msg", "message"}) {
            PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, EscapedMessageConverter::new);
        }
        PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(EXCEPTION_WORD, EscapedThrowableConverter::new);
    }
}
