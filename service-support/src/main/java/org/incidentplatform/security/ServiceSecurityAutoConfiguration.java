package org.incidentplatform.security;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The one security filter chain every service runs. See the package documentation for the rules. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = {"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    /** Who gets woken up: changing these needs oncall:admin, reading them incidents:read. */
    private static final String[] ONCALL_PATHS = {"/api/v1/people", "/api/v1/people/**", "/api/v1/teams",
            "/api/v1/teams/**", "/api/v1/schedules", "/api/v1/schedules/**", "/api/v1/escalation-policies",
            "/api/v1/escalation-policies/**", "/api/v1/heartbeats", "/api/v1/heartbeats/**",
            "/api/v1/maintenance-windows", "/api/v1/maintenance-windows/**"};
    private static final String[] DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    private static final String SWAGGER_UI_CSP = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * they wrapped every request in a dozen observations (a third of incident-service's CPU at
     * 600 alerts/s) and nobody reads them. Requests are still observed as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ApiKeyStore apiKeyStore(MongoClient mongo, ServiceSecurityProperties properties) {
        return new ApiKeyStore(new MongoTemplate(mongo, properties.authDatabase()), Clock.systemUTC());
    }

    @Bean
    SecretPathRedaction secretPathRedaction(ServiceSecurityProperties properties) {
        return new SecretPathRedaction(properties.secretPathPatterns());
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, ServiceSecurityProperties properties, ApiKeyStore keys,
            ObjectProvider<JwtDecoder> jwtDecoder, Environment environment) throws Exception {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new ApiKeyAuthenticationProvider(keys, properties.bootstrapApiKey()));
        jwtDecoder.ifAvailable(decoder -> {
            List<String> audiences = Binder.get(environment)
                    .bind(JwtAudienceCheck.PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(JwtAudienceCheck.requiring(audiences, decoder));
            jwt.setJwtAuthenticationConverter(new JwtScopeConverter(properties.jwt()));
            providers.add(jwt);
        });
        ProviderManager authentication = new ProviderManager(providers);
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();

        http.csrf(csrf -> csrf.disable()) // Bearer tokens only, no cookies: nothing for CSRF to ride on.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenResolver(new PublicPathsIgnoreBearerTokens(properties.publicPaths()))
                        .authenticationManagerResolver(request -> authentication)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentTypeOptions(options -> { })
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi(),
                                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi()),
                                new StaticHeadersWriter("Content-Security-Policy", properties.contentSecurityPolicy()))))
                .addFilterAfter(new RateLimitFilter(properties.rateLimit()), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new BodySizeLimitFilter(properties.maxBodyBytes(), properties.largeBodies()), BearerTokenAuthenticationFilter.class)
                // Around authentication and the controllers: a key-store failure anywhere is a 503.
                .addFilterBefore(new ApiKeyStoreOutageFilter(), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                            "/error").permitAll();
                    if (properties.publicDocs()) {
                        rules.requestMatchers(DOCS).permitAll();
                    }
                    if (!properties.publicPaths().isEmpty()) {
                        rules.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    rules.requestMatchers("/api/v1/admin/**", "/api/v1/api-keys", "/api/v1/api-keys/**", "/actuator/**")
                            .hasAuthority(Scopes.authority(Scopes.ADMIN));
                    rules.requestMatchers("/api/v1/integrations", "/api/v1/integrations/**")
                            .hasAuthority(Scopes.authority(Scopes.INTEGRATIONS_ADMIN));
                    for (HttpMethod change : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                        rules.requestMatchers(change, ONCALL_PATHS).hasAuthority(Scopes.authority(Scopes.ONCALL_ADMIN));
                    }
                    rules.requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(Scopes.authority(Scopes.INCIDENTS_READ));
                    rules.requestMatchers("/api/**").hasAuthority(Scopes.authority(Scopes.INCIDENTS_WRITE));
                    rules.anyRequest().authenticated();
                });
        return http.build();
    }

    private static RequestMatcher swaggerUi() {
        return new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
    }
}
