package org.incidentplatform.notification.slack;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Fails a Slack API call whose response body is larger than {@link #MAX_BYTES}: the SDK reads
 * bodies whole into memory, so a hostile or broken endpoint could otherwise send without end.
 * The call's deadline is the client's call timeout, which covers reading the body too.
 */
final class CappedResponses implements Interceptor {

    static final long MAX_BYTES = 64 * 1024;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        if (body.contentLength() > MAX_BYTES) {
            chain.call().cancel();
            response.close();
            throw new IOException("Slack response body over " + MAX_BYTES + " bytes");
        }
        BufferedSource capped = Okio.buffer(new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                read += Math.max(0, n);
                if (read > MAX_BYTES) {
                    // Cancelled, not just closed: closing an unfinished body makes OkHttp read on
                    // for up to 100 ms to reuse the connection, megabytes from a hostile endpoint.
                    chain.call().cancel();
                    throw new IOException("Slack response body over " + MAX_BYTES + " bytes");
                }
                return n;
            }
        });
        return response.newBuilder().body(ResponseBody.create(capped, body.contentType(), body.contentLength())).build();
    }
}
