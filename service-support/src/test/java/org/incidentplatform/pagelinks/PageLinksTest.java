package org.incidentplatform.pagelinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    static final String SECRET = "a-page-link-secret-of-at-least-32-characters";
    final PageLinks links = new PageLinks(SECRET);
    final PageLink link = new PageLink("pg-1a2b3c4d5e6f", "inc-42", "per-ada", Instant.parse("2026-12-06T10:00:00Z"));

    @Test
    void aSignedTokenReadsBackAsItsLink() {
        assertThat(links.verify(links.sign(link))).contains(link);
    }

    @Test
    void aResolveLinkReadsBackAsAResolveLinkAndAnAcknowledgeTokenKeepsItsOriginalForm() {
        PageLink resolve = new PageLink("card-1", "inc-42", "teams-card", link.expiresAt(), PageLink.Action.RESOLVE);
        assertThat(links.verify(links.sign(resolve))).contains(resolve);
        String acknowledge = links.sign(link);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(acknowledge.substring(0, acknowledge.indexOf('.')))))
                .as("links already sent in pages stay valid").isEqualTo("v1|pg-1a2b3c4d5e6f|inc-42|per-ada|1796551200");
        assertThat(links.verify(acknowledge)).hasValueSatisfying(l -> assertThat(l.action()).isEqualTo(PageLink.Action.ACKNOWLEDGE));
    }

    @Test
    void aTokenSignedWithAnotherSecretOrChangedInAnyCharacterIsRefused() {
        String token = links.sign(link);
        assertThat(new PageLinks(SECRET + "x").verify(token)).isEmpty();
        for (int i = 0; i < token.length(); i++) {
            char swapped = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + swapped + token.substring(i + 1);
            assertThat(links.verify(tampered)).as("changed at %d", i).isEmpty();
        }
        assertThat(links.verify(null)).isEmpty();
        assertThat(links.verify("not a token")).isEmpty();
    }

    @Test
    void aShortSecretOrAnIdWithSeparatorsIsRefused() {
        assertThatThrownBy(() -> new PageLinks("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.sign(new PageLink("pg|x", "inc", "per", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
