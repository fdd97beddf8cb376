package org.incidentplatform.notification.channel;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@link #MAX_BYTES} of a response body. Past that it stops reading, cancels the
 * rest (the connection is dropped rather than drained: a hostile receiver could send for ever)
 * and reports the body as too large. Receivers' answers are small; nothing needs more.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Result> {

    static final int MAX_BYTES = 64 * 1024;

    /** The bytes read, and whether the receiver sent more than the cap. */
    record Result(byte[] bytes, boolean tooLarge) {
    }

    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    static HttpResponse.BodyHandler<Result> handler() {
        return info -> new CappedBody();
    }

    @Override
    public CompletionStage<Result> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return; // Buffers already on their way when the rest was cancelled.
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), MAX_BYTES + 1 - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
            if (bytes.size() > MAX_BYTES) {
                subscription.cancel();
                result.complete(new Result(bytes.toByteArray(), true));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(new Result(bytes.toByteArray(), false));
    }
}
