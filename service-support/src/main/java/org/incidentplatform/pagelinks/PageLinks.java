package org.incidentplatform.pagelinks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the tokens of action links: acknowledge links in pages, acknowledge and resolve
 * links on Teams cards and in e-mails. notification-service signs them when
 * it sends a page; incident-service checks them when the link is used. Both hold the same secret
 * ({@code PAGE_LINK_SECRET}); nothing is stored per link, and the token carries no secret itself,
 * so the incident's history (which names the page) cannot be turned into a link.
 *
 * <p>Token: {@code base64url(v1|pageId|incidentId|personId|expiresEpochSeconds) "." base64url(HMAC-SHA256)}
 * for an acknowledge link (the form pages have always carried, so links already sent keep working);
 * {@code v2|action|pageId|...} for any other action.
 */
public final class PageLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{10,400}\\.[A-Za-z0-9_-]{43}");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.:-]{1,80}");
    private final byte[] secret;

    /** @param secret at least 32 characters; a shorter one is refused, as it could be guessed */
    public PageLinks(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("The page link secret must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(PageLink link) {
        for (String part : new String[] {link.pageId(), link.incidentId(), link.personId()}) {
            if (part == null || !PART.matcher(part).matches()) {
                throw new IllegalArgumentException("Not an id that a page link can carry: " + part);
            }
        }
        String ids = String.join("|", link.pageId(), link.incidentId(), link.personId(),
                Long.toString(link.expiresAt().getEpochSecond()));
        String claims = link.action() == PageLink.Action.ACKNOWLEDGE ? "v1|" + ids
                : "v2|" + link.action().name().toLowerCase(java.util.Locale.ROOT) + "|" + ids;
        String body = ENCODE.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODE.encodeToString(mac(body));
    }

    /** The link a token stands for if its signature is ours (expired or not: the caller says which); else empty. */
    public Optional<PageLink> verify(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String body = token.substring(0, dot);
        // Compared as text: a signature with different spare bits would decode to the same bytes.
        byte[] expected = ENCODE.encodeToString(mac(body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] claims = new String(DECODE.decode(body), StandardCharsets.UTF_8).split("\\|", -1);
        try {
            if (claims.length == 5 && claims[0].equals("v1")) {
                return Optional.of(new PageLink(claims[1], claims[2], claims[3], Instant.ofEpochSecond(Long.parseLong(claims[4]))));
            }
            if (claims.length == 6 && claims[0].equals("v2")) {
                return Optional.of(new PageLink(claims[2], claims[3], claims[4], Instant.ofEpochSecond(Long.parseLong(claims[5])),
                        PageLink.Action.valueOf(claims[1].toUpperCase(java.util.Locale.ROOT))));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            return Optional.empty(); // NumberFormatException is an IllegalArgumentException too.
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
