package org.incidentplatform.incident.escalation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small HTML pages an action link opens: never cached, never indexed, no referrer (the token
 * is in the address), every text escaped.
 */
final class LinkPages {

    private LinkPages() {
    }

    /** @param form the page's form (already HTML), or empty */
    static ResponseEntity<String> page(HttpStatus status, String title, String text, String form) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title)
                + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p>" + form + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").body(html);
    }

    static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        return page(status, title, text, "");
    }

    static String usedText(AcknowledgeLinks.Use use) {
        return "This link was used at " + use.usedAt() + " (" + use.outcome() + "). Each link works once.";
    }
}
