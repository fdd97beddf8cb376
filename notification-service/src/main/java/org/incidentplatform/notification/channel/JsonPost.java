package org.incidentplatform.notification.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.incidentplatform.tracing.Traceparent;

/**
 * One HTTP POST of a JSON body to a receiver (webhooks, Teams, Slack-style webhooks), with the
 * outcome in the terms the worker needs: a 2xx is accepted, anything else is a
 * {@link DeliveryFailure} carrying the status and Retry-After. The timeout is a deadline for the
 * whole call, response body included, and at most {@link CappedBody#MAX_BYTES} of the body are
 * read: a receiver that trickles or floods its answer fails the call instead of holding a
 * delivery thread. Error texts never include the URL, which often is the secret.
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
        HttpResponse<CappedBody.Result> response = withinDeadline(HTTP.sendAsync(request.build(), CappedBody.handler()),
                timeout);
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new DeliveryFailure("receiver answered HTTP " + status, status,
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now()), null);
        }
        if (response.body().tooLarge()) {
            // Treated as not accepted: an answer that cannot be read is no answer. Receivers drop
            // the repeat by its delivery id header.
            throw new DeliveryFailure("receiver answered HTTP " + status + " with a body over "
                    + CappedBody.MAX_BYTES + " bytes", status);
        }
        return status;
    }

    private static <T> HttpResponse<T> withinDeadline(CompletableFuture<HttpResponse<T>> call, Duration timeout) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            call.cancel(true); // Aborts the exchange and closes its connection.
            throw new DeliveryFailure("receiver unreachable: no complete answer within " + timeout, null, null, late);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            throw new DeliveryFailure("receiver unreachable: " + cause.getClass().getSimpleName(), null, null, cause);
        } catch (InterruptedException interrupted) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending", null, null, interrupted);
        }
    }
}
