package org.incidentplatform.incident.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The aggregate version as an HTTP entity tag, and back. */
public final class ETags {

    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"?(-?\\d{1,18})\"?$");

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names; null when absent or {@code *}.
     *
     * @throws InvalidIfMatchException when the header is not an entity tag this API issued
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidIfMatchException();
        }
        return Long.parseLong(matcher.group(1));
    }

    /** An If-Match header that is not one of our entity tags. */
    public static class InvalidIfMatchException extends InvalidRequestException {
        InvalidIfMatchException() {
            super("If-Match must be an ETag returned by this API, such as \"3\"");
        }
    }
}
