package org.incidentplatform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample CloudEvent of each published type, shipped in this module's test-jar so that
 * every consumer can test that it reads what the producer writes.
 */
public final class EventSamples {

    private EventSamples() {
    }

    /** The sample JSON for a CloudEvents type name. */
    public static String json(String typeName) {
        String path = "/samples/" + typeName + ".json";
        try (InputStream in = EventSamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No sample for event type " + typeName + " at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
