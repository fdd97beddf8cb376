package org.incidentplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static final ClientAddress BEHIND_INGRESS = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(new ClientAddress(List.of()).of(request("10.1.2.3", "203.0.113.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedAddressIsTheClient() {
        assertThat(BEHIND_INGRESS.of(request("10.1.2.3", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_INGRESS.of(request("10.1.2.3", "198.51.100.1, 203.0.113.7, 192.168.1.5"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_INGRESS.of(request("fd00::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void whatAClientWritesIntoTheHeaderItselfIsNeverTheKey() {
        // The client sent "X-Forwarded-For: 1.1.1.1"; the ingress appended the real address.
        assertThat(BEHIND_INGRESS.of(request("10.1.2.3", "1.1.1.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerCannotForgeItsAddress() {
        assertThat(BEHIND_INGRESS.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void garbageInTheHeaderStopsTheWalkAtTheLastRealAddress() {
        assertThat(BEHIND_INGRESS.of(request("10.1.2.3", "evil.example, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_INGRESS.of(request("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_INGRESS.of(request("10.1.2.3", "10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    @Test
    void aMistypedTrustedProxyStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("ingress.internal"))).hasMessageContaining("ingress.internal");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    }

    static MockHttpServletRequest request(String peer, String forwardedFor) {
        var request = new MockHttpServletRequest("GET", "/status");
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
