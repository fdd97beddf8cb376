package org.incidentplatform.incident.view;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.web.InvalidRequestException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Filtered, cursor-paginated listing. The order (startedAt descending, then id descending) is
 * total, so a cursor made of the last item's (startedAt, id) resumes exactly where the previous
 * page ended, even while new incidents arrive. Filter values are typed (enums, instants) or
 * compared for equality, so no request value can become a MongoDB operator.
 */
@Component
class IncidentList {

    private final IncidentViewRepository views;

    IncidentList(IncidentViewRepository views) {
        this.views = views;
    }

    record Filter(List<IncidentStatus> status, List<Severity> severity, String service, Instant openedFrom,
            Instant openedTo) {
    }

    /** One page; nextCursor is null on the last page. */
    record Page(List<IncidentView> items, String nextCursor) {
    }

    Page page(Filter filter, int limit, String cursor) {
        List<Criteria> conditions = new ArrayList<>();
        if (filter.status() != null && !filter.status().isEmpty()) {
            conditions.add(Criteria.where("status").in(filter.status()));
        }
        if (filter.severity() != null && !filter.severity().isEmpty()) {
            conditions.add(Criteria.where("severity").in(filter.severity()));
        }
        if (filter.service() != null) {
            conditions.add(Criteria.where("services").is(filter.service()));
        }
        if (filter.openedFrom() != null) {
            conditions.add(Criteria.where("startedAt").gte(filter.openedFrom()));
        }
        if (filter.openedTo() != null) {
            conditions.add(Criteria.where("startedAt").lt(filter.openedTo()));
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            conditions.add(new Criteria().orOperator(
                    Criteria.where("startedAt").lt(after.startedAt()),
                    Criteria.where("startedAt").is(after.startedAt()).and("_id").lt(after.id())));
        }
        Query query = new Query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions))
                .with(Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("_id")))
                .limit(limit + 1);
        List<IncidentView> found = views.mongo().find(query, IncidentView.class);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<IncidentView> items = found.subList(0, limit);
        IncidentView last = items.getLast();
        return new Page(List.copyOf(items), new Cursor(last.getStartedAt(), last.getId()).encode());
    }

    record Cursor(Instant startedAt, String id) {

        String encode() {
            String raw = startedAt.toEpochMilli() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new InvalidCursorException();
            }
        }
    }

    /** A cursor this API did not issue. */
    static class InvalidCursorException extends InvalidRequestException {
        InvalidCursorException() {
            super("The cursor is not one this API returned; start again without a cursor");
        }
    }
}
