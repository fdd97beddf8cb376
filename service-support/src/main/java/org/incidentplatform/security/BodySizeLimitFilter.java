package org.incidentplatform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above the limit with 413: at once when Content-Length says so, and while reading
 * when a chunked body grows past it, so a client cannot make the service buffer unbounded input.
 * A few paths (alert webhooks, whose senders do not retry a 413 and so lose the whole group) have
 * a larger limit of their own; everything else keeps the small one.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final PathPatterns largePaths;
    private final long largeMaxBytes;

    BodySizeLimitFilter(long maxBytes) {
        this(maxBytes, new ServiceSecurityProperties.LargeBodies(java.util.List.of(), maxBytes));
    }

    BodySizeLimitFilter(long maxBytes, ServiceSecurityProperties.LargeBodies largeBodies) {
        this.defaultMaxBytes = maxBytes;
        this.largePaths = new PathPatterns(largeBodies.paths());
        this.largeMaxBytes = Math.max(maxBytes, largeBodies.maxBytes());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = largePaths.matches(request) ? largeMaxBytes : defaultMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response, maxBytes);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (RequestBodyTooLargeException | ServletException e) {
            if (!(e instanceof RequestBodyTooLargeException) && !hasCause(e, RequestBodyTooLargeException.class)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, maxBytes);
            }
        }
    }

    private static void tooLarge(HttpServletResponse response, long maxBytes) throws IOException {
        ProblemResponses.write(response, 413, "Request body too large",
                "The request body may be at most " + maxBytes + " bytes.");
    }

    private static boolean hasCause(Throwable error, Class<?> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new RequestBodyTooLargeException();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new RequestBodyTooLargeException();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
