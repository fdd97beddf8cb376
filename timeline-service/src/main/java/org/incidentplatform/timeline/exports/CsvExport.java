package org.incidentplatform.timeline.exports;

import static org.incidentplatform.timeline.rendering.CsvText.row;

import java.util.Arrays;
import java.util.List;
import org.incidentplatform.timeline.rendering.EntryView;

/**
 * The timeline as RFC 4180 CSV with a header row and the zone id in its own column, for
 * spreadsheets; formula-safe through {@link org.incidentplatform.timeline.rendering.CsvText}.
 */
final class CsvExport {

    private static final List<String> HEADER = List.of("occurredAt", "recordedAt", "timeZone", "incidentId",
            "incidentSequence", "kind", "visibility", "actor", "text", "eventId");

    private CsvExport() {
    }

    static String render(TimelineView view) {
        StringBuilder out = new StringBuilder(row(HEADER));
        for (EntryView entry : view.entries()) {
            out.append(row(Arrays.asList(entry.occurredAt(), entry.recordedAt(), view.timeZone(), entry.incidentId(),
                    String.valueOf(entry.incidentSequence()), entry.kind(), entry.visibility(),
                    entry.actor(), entry.text(), entry.eventId())));
        }
        return out.toString();
    }
}
