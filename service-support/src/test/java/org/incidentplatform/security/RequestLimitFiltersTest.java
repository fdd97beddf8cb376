package org.incidentplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;

class RequestLimitFiltersTest {

    @Test
    void aCallerOverItsBurstGets429WithRetryAfterAndTheRequestDoesNotRun() throws Exception {
        var filter = new RateLimitFilter(new ServiceSecurityProperties.RateLimit(1, 3, java.util.List.of(), java.util.List.of()));
        AtomicInteger handled = new AtomicInteger();
        int[] statuses = new int[5];
        String retryAfter = null;
        for (int i = 0; i < 5; i++) {
            var response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/incidents"), response,
                    new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                        @Override
                        protected void service(jakarta.servlet.http.HttpServletRequest req,
                                jakarta.servlet.http.HttpServletResponse res) {
                            handled.incrementAndGet();
                        }
                    }));
            statuses[i] = response.getStatus();
            if (response.getStatus() == 429) {
                retryAfter = response.getHeader("Retry-After");
                assertThat(response.getContentType()).isEqualTo("application/problem+json");
            }
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(handled).hasValue(3);
        assertThat(retryAfter).isEqualTo("1");
    }

    @Test
    void anonymousHealthCallsHaveTheirOwnLimitAboveWhatProbesSend() throws Exception {
        // A generous API limit, so that only the health limit can refuse.
        var filter = new RateLimitFilter(new ServiceSecurityProperties.RateLimit(1000, 1000, java.util.List.of(), java.util.List.of()));
        AtomicInteger checked = new AtomicInteger();
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            var response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), response,
                    new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                        @Override
                        protected void service(jakarta.servlet.http.HttpServletRequest req,
                                jakarta.servlet.http.HttpServletResponse res) {
                            checked.incrementAndGet();
                        }
                    }));
            refused += response.getStatus() == 429 ? 1 : 0;
        }
        // A burst of 20 plus what refills at 5 per second while the loop runs.
        assertThat(checked.get()).isBetween((int) RateLimitFilter.HEALTH_BURST, 60);
        assertThat(refused).isEqualTo(200 - checked.get());
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413() throws Exception {
        var filter = new BodySizeLimitFilter(10);
        var request = new MockHttpServletRequest("POST", "/api/v1/incidents");
        request.setContent(new byte[11]);
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void aStreamedBodyThatGrowsPastTheLimitIsRefusedWith413() throws Exception {
        var filter = new BodySizeLimitFilter(10);
        var request = new MockHttpServletRequest("POST", "/api/v1/incidents") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: the size is only known while reading
            }
        };
        request.setContent(new byte[50]);
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                StreamUtils.copyToByteArray(req.getInputStream());
            }
        }));

        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() throws Exception {
        var filter = new RateLimitFilter(new ServiceSecurityProperties.RateLimit(1, 1, java.util.List.of(),
                java.util.List.of("10.0.0.0/8")));
        int[] statuses = new int[3];
        String[] clients = {"203.0.113.1", "203.0.113.2", "203.0.113.1"};
        for (int i = 0; i < 3; i++) {
            var response = new MockHttpServletResponse();
            filter.doFilter(ClientAddressTest.request("10.0.0.2", clients[i]), response, new MockFilterChain());
            statuses[i] = response.getStatus();
        }
        assertThat(statuses).containsExactly(200, 200, 429);
    }
}
