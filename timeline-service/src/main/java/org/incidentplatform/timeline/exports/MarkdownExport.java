package org.incidentplatform.timeline.exports;

import static org.incidentplatform.timeline.rendering.MarkdownText.escape;

import org.incidentplatform.timeline.rendering.EntryView;

/**
 * The timeline as a Markdown table, for pasting into a post-mortem. Every piece of user text
 * goes through {@link org.incidentplatform.timeline.rendering.MarkdownText}; lines end with LF
 * and nothing depends on the clock, so equal data gives equal bytes.
 */
final class MarkdownExport {

    private MarkdownExport() {
    }

    static String render(TimelineView view) {
        StringBuilder out = new StringBuilder()
                .append("# Timeline of incident ").append(escape(view.incidentId())).append("\n\n")
                .append("Times in ").append(escape(view.timeZone()))
                .append("; entries: ").append(escape(view.visibility())).append(".\n\n")
                .append("| Occurred at | Kind | Visibility | Actor | Entry |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (EntryView entry : view.entries()) {
            out.append("| ").append(entry.occurredAt())
                    .append(" | ").append(escape(entry.kind()))
                    .append(" | ").append(escape(entry.visibility()))
                    .append(" | ").append(escape(entry.actor()))
                    .append(" | ").append(escape(entry.text()))
                    .append(" |\n");
        }
        return out.toString();
    }
}
