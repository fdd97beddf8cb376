package org.incidentplatform.incident.schedules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Schedule versions: inserted, never updated (see {@link ScheduleVersion}). */
@Repository
class ScheduleRepository {

    /** Versions read to list schedules; past 20,000 versions in all, a listing could leave schedules out. */
    static final int MAX_VERSIONS_LISTED = 20_000;
    private final MongoTemplate mongo;
    private volatile boolean indexed;

    ScheduleRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Fails with DuplicateKeyException when this version was written by someone else first. */
    void insert(ScheduleVersion version) {
        ensureIndexes();
        mongo.insert(version);
    }

    Optional<ScheduleVersion> current(String scheduleId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("scheduleId").is(scheduleId))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), ScheduleVersion.class));
    }

    Optional<ScheduleVersion> byCalendarToken(String token) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("calendarToken").is(token))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), ScheduleVersion.class))
                .flatMap(any -> current(any.scheduleId()));
    }

    /** The versions that answer for [from, to): the one in force at {@code from} and every later one before {@code to}. */
    ScheduleHistory historyBetween(String scheduleId, Instant from, Instant to) {
        List<ScheduleVersion> versions = new ArrayList<>();
        ScheduleVersion inForce = mongo.findOne(Query.query(Criteria.where("scheduleId").is(scheduleId)
                .and("effectiveFrom").lte(from)).with(Sort.by(Sort.Direction.DESC, "version")).limit(1), ScheduleVersion.class);
        if (inForce != null) {
            versions.add(inForce);
        }
        versions.addAll(mongo.find(Query.query(Criteria.where("scheduleId").is(scheduleId)
                .and("effectiveFrom").gt(from).lt(to)).with(Sort.by("version")), ScheduleVersion.class));
        return versions.isEmpty() ? null : new ScheduleHistory(versions);
    }

    /** Every schedule's newest version, deleted ones left out, by name. */
    List<ScheduleVersion> currentVersions() {
        Map<String, ScheduleVersion> newest = new LinkedHashMap<>();
        for (ScheduleVersion version : mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "version"))
                .limit(MAX_VERSIONS_LISTED), ScheduleVersion.class)) {
            newest.merge(version.scheduleId(), version, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return newest.values().stream().filter(v -> !v.deleted())
                .sorted(java.util.Comparator.comparing(ScheduleVersion::name)).toList();
    }

    List<ScheduleVersion> versions(String scheduleId) {
        return mongo.find(Query.query(Criteria.where("scheduleId").is(scheduleId))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1000), ScheduleVersion.class);
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(ScheduleVersion.class).createIndex(
                    new Index().on("scheduleId", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique());
            indexed = true;
        }
    }
}
