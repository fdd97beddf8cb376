package org.incidentplatform.bench.load;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads an answer's body only when it refuses the alert, and tells the first few refusals of a load
 * on stderr: a refused alert is a finding, and its status and problem detail say which limit or
 * failure it met. Accepted answers are discarded unread, as before.
 */
final class Refusals {

    private static final int TOLD = 5;
    private static final int MAX_BODY = 300;

    private final AlertSender peer;
    private final AtomicInteger refused = new AtomicInteger();

    Refusals(AlertSender peer) {
        this.peer = peer;
    }

    HttpResponse.BodyHandler<String> bodies() {
        return info -> peer.accepted(info.statusCode()) ? HttpResponse.BodySubscribers.replacing("")
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    /** SendLog.ACCEPTED or SendLog.REFUSED for this answer; the first refusals are told. */
    int outcomeOf(HttpResponse<String> response) {
        if (peer.accepted(response.statusCode())) {
            return SendLog.ACCEPTED;
        }
        if (refused.getAndIncrement() < TOLD) {
            String body = response.body() == null ? "" : response.body();
            System.err.printf("Refused: %d %s %s%n", response.statusCode(),
                    response.headers().firstValue("Retry-After").map(after -> "Retry-After " + after).orElse(""),
                    body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "..." : body);
        }
        return SendLog.REFUSED;
    }
}
