package org.incidentplatform.notification.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.time.Instant;
import okhttp3.OkHttpClient;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.channel.RetryAfter;
import org.incidentplatform.tracing.Traceparent;
import org.springframework.stereotype.Component;

/**
 * Slack's official SDK, configured from {@link SlackProperties}, with every call's outcome turned
 * into a result or a {@link DeliveryFailure} (HTTP status, Retry-After, Slack's error code).
 */
@Component
class SlackApi {

    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient methods) throws IOException, SlackApiException;
    }

    private final MethodsClient methods;

    SlackApi(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrl());
        int timeout = Math.toIntExact(properties.timeout().toMillis());
        config.setHttpClientCallTimeoutMillis(timeout);
        config.setHttpClientReadTimeoutMillis(timeout);
        config.setPrettyResponseLoggingEnabled(false);
        // The SDK's call statistics resolve the team with extra auth.test calls; not wanted here.
        config.getMethodsConfig().setStatsEnabled(false);
        this.methods = Slack.getInstance(config, new SlackHttpClient(withTraceparent(config)))
                .methods(properties.enabled() ? properties.token() : "");
    }

    /**
     * The SDK's own HTTP client plus the delivery span's traceparent on every call and a cap on
     * response size; the call timeout is a deadline for the whole call, body included.
     */
    private static OkHttpClient withTraceparent(SlackConfig config) {
        return SlackHttpClient.buildOkHttpClient(config).newBuilder().addInterceptor(new CappedResponses())
                .addInterceptor(chain -> {
            String traceparent = Traceparent.current();
            return chain.proceed(traceparent == null ? chain.request()
                    : chain.request().newBuilder().header(Traceparent.HEADER, traceparent).build());
        }).build();
    }

    <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        T response;
        try {
            response = call.call(methods);
        } catch (SlackApiException refused) {
            int status = refused.getResponse().code();
            throw new DeliveryFailure("Slack " + method + " answered HTTP " + status, status,
                    RetryAfter.parse(refused.getResponse().header("Retry-After"), Instant.now()), null);
        } catch (IOException unreachable) {
            throw new DeliveryFailure("Slack " + method + " unreachable: " + unreachable.getClass().getSimpleName(),
                    null, null, unreachable);
        }
        if (!response.isOk()) {
            // Slack reports most refusals (channel_not_found, invalid_auth, ratelimited) as 200 with ok=false.
            throw new DeliveryFailure("Slack " + method + " refused: " + response.getError(),
                    "ratelimited".equals(response.getError()) ? 429 : 200);
        }
        return response;
    }
}
