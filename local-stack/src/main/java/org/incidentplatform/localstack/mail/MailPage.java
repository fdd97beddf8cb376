package org.incidentplatform.localstack.mail;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catcher's listing, newest message first: JSON for scripts and curl, HTML for a browser.
 * Everything in a message came from outside this page, so all of it is escaped.
 */
final class MailPage {

    private MailPage() {
    }

    static String json(List<CaughtMail> messages) {
        return messages.stream().map(mail -> "{\"from\":" + string(mail.from())
                + ",\"to\":[" + mail.to().stream().map(MailPage::string).collect(Collectors.joining(",")) + "]"
                + ",\"subject\":" + string(mail.subject())
                + ",\"body\":" + string(mail.body())
                + ",\"sentAt\":" + string(mail.sentAt().toString()) + "}")
                .collect(Collectors.joining(",", "{\"count\":" + messages.size() + ",\"messages\":[", "]}"));
    }

    static String html(List<CaughtMail> messages) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Mail caught by the local stack</title>
                <style>body{font-family:sans-serif;margin:2em}article{border-top:1px solid #ccc;padding:.5em 0}
                pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}</style></head><body>
                """);
        page.append("<h1>Mail caught by the local stack (").append(messages.size()).append(")</h1>\n");
        if (messages.isEmpty()) {
            page.append("<p>Nothing yet. SEV1 and SEV2 incidents are mailed to the on-call address.</p>\n");
        }
        for (CaughtMail mail : messages) {
            page.append("<article><h2>").append(escape(mail.subject())).append("</h2>\n<p>From ")
                    .append(escape(mail.from())).append(" to ").append(escape(String.join(", ", mail.to())))
                    .append(", sent ").append(escape(mail.sentAt().toString())).append("</p>\n<pre>")
                    .append(escape(mail.body())).append("</pre></article>\n");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String string(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<' || c == '>' || c == '&') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
