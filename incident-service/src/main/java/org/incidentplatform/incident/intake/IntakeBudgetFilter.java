package org.incidentplatform.incident.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.incidentplatform.incident.integrations.IntegrationCredential;
import org.incidentplatform.incident.integrations.IntegrationKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link IntakeBudget} to the alert webhooks, keyed by the integration key the request
 * carries (path, Authorization, or the Events API's routing_key), before anything is parsed or
 * stored. Requests without a key pass: intake answers them 401/404.
 */
class IntakeBudgetFilter extends OncePerRequestFilter {

    /** Enough to find routing_key in any Events API body the size limit lets through. */
    private static final int MAX_PEEK_BYTES = 1024 * 1024;

    private final IntakeBudget budget;

    IntakeBudgetFilter(IntakeBudget budget) {
        this.budget = budget;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !IntegrationCredential.isWebhook(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        HttpServletRequest forward = request;
        byte[] peeked = null;
        if (IntegrationCredential.keyInBody(path)) {
            peeked = request.getInputStream().readNBytes(MAX_PEEK_BYTES);
            forward = new ReplayedBody(request, peeked);
        }
        Optional<String> key = IntegrationCredential.of(path, request.getHeader(HttpHeaders.AUTHORIZATION), peeked);
        long waitMillis = key.isEmpty() ? 0 : budget.take(IntegrationKeys.hash(key.get()), System.nanoTime());
        if (waitMillis > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
            response.setStatus(429);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Intake budget exceeded\","
                    + "\"status\":429,\"detail\":\"This integration sent more alert requests than its budget "
                    + "(incidents.intake.budget); retry after the seconds in Retry-After.\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(forward, response);
    }

    /** The request with the bytes read to find the key put back in front of the rest of its body. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final InputStream body;

        ReplayedBody(HttpServletRequest request, byte[] peeked) throws IOException {
            super(request);
            this.body = new SequenceInputStream(new ByteArrayInputStream(peeked), request.getInputStream());
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("Asynchronous reads are not supported");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
