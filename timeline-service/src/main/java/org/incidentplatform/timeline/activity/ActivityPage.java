package org.incidentplatform.timeline.activity;

import java.util.List;
import org.incidentplatform.timeline.rendering.EntryView;

/**
 * One page of the global activity feed.
 *
 * @param timeZone   the zone every time is rendered in
 * @param visibility all, public or internal
 * @param entries    newest recorded first (recordedAt desc, id desc)
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record ActivityPage(String timeZone, String visibility, List<EntryView> entries, String nextCursor) {
}
