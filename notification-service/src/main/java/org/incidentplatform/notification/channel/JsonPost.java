package org.incidentplatform.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.incidentplatform.tracing.Traceparent;

/**
 * One HTTP POST of a JSON body to a receiver (webhooks, Teams), with the outcome in the terms the
 * worker needs: a 2xx is accepted, anything else is a {@link DeliveryFailure} carrying the
 * status and Retry-After. Error texts never include the URL, which often is the secret.
 */
public final class JsonPost {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private JsonPost() {
    }

    /** @return the receiver's status code, 2xx */
    public static int send(String url, String contentType, String body, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        // The delivery's span, so the receiver's logs and spans join the incident's trace.
        String traceparent = Traceparent.current();
        if (traceparent != null && !headers.containsKey(Traceparent.HEADER)) {
            request.header(Traceparent.HEADER, traceparent);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new DeliveryFailure("receiver unreachable: " + unreachable.getClass().getSimpleName(), null, null,
                    unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending", null, null, interrupted);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new DeliveryFailure("receiver answered HTTP " + status, status,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now()), null);
        }
        return status;
    }
}
