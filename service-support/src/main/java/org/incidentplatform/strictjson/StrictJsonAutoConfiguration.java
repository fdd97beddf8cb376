package org.incidentplatform.strictjson;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON for every service: the coercion rules on the one {@code JsonMapper}, the text rules
 * on request bodies, and, for a service without its own exception handler, 400 problem details
 * that name the offending field.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class StrictJsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonMapper() {
        return builder -> {
            CoercionRules.apply(builder);
            builder.addModule(new CheckedTextModule());
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(ResponseEntityExceptionHandler.class)
    static class RequestBodies {

        /** Registered after Boot's own JSON customizer, so this converter is the one used. */
        @Bean
        ServerHttpMessageConvertersCustomizer untrustedRequestBodies(JsonMapper json) {
            return converters -> converters.withJsonConverter(new StrictRequestBodyConverter(json));
        }

        @Bean
        @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
        UnreadableBodyHandler unreadableBodyHandler() {
            return new UnreadableBodyHandler();
        }
    }
}
