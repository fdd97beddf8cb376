package org.incidentplatform.incident.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * People, teams and the log of their changes. A change is written only if the record is still
 * at the version the caller read (optimistic concurrency, like incidents' If-Match), then logged.
 */
@Repository
public class PeopleRepository {

    static final int MAX_LISTED = 1000;
    private final MongoTemplate mongo;
    private volatile boolean indexed;

    PeopleRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(mongo.findById(id, Person.class));
    }

    /** The people with these ids, by id; unknown ids are simply absent. */
    public Map<String, Person> people(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Person.class).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    public Optional<Person> personByCalendarToken(String token) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("calendarToken").is(token)), Person.class));
    }

    /** The active person whose Slack contact method is this member id (how a Slack user acts as a person). */
    public Optional<Person> activePersonBySlackId(String slackUserId) {
        return mongo.find(Query.query(Criteria.where("contactMethods").elemMatch(
                Criteria.where("type").is(ContactType.SLACK.name()).and("address").is(slackUserId))), Person.class)
                .stream().filter(Person::active).findFirst();
    }

    /** Active people, by name, for pickers (a Slack modal); at most {@code limit}. */
    public List<Person> activePeople(int limit) {
        return people().stream().filter(Person::active).sorted(java.util.Comparator.comparing(Person::name))
                .limit(limit).toList();
    }

    List<Person> people() {
        return mongo.find(new Query().with(Sort.by("name")).limit(MAX_LISTED), Person.class);
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(mongo.findById(id, Team.class));
    }

    List<Team> teams() {
        return mongo.find(new Query().with(Sort.by("name")).limit(MAX_LISTED), Team.class);
    }

    /** Fails with DuplicateKeyException when the e-mail address (or the generated id) is taken. */
    void insert(Person person, String actor) {
        ensureIndexes();
        mongo.insert(person);
        log(actor, person.id(), "CREATED", null, person);
    }

    void insert(Team team, String actor) {
        ensureIndexes();
        mongo.insert(team);
        log(actor, team.id(), "CREATED", null, team);
    }

    /** Replaces {@code before} with {@code after}; false when someone changed it first. */
    boolean replace(Person before, Person after, String actor, String action) {
        ensureIndexes();
        boolean replaced = mongo.replace(atVersion(before.id(), before.version()), after).getMatchedCount() == 1;
        if (replaced) {
            log(actor, after.id(), action, before, after);
        }
        return replaced;
    }

    boolean replace(Team before, Team after, String actor, String action) {
        boolean replaced = mongo.replace(atVersion(before.id(), before.version()), after).getMatchedCount() == 1;
        if (replaced) {
            log(actor, after.id(), action, before, after);
        }
        return replaced;
    }

    boolean delete(Team team, String actor) {
        boolean deleted = mongo.remove(atVersion(team.id(), team.version()), Team.class).getDeletedCount() == 1;
        if (deleted) {
            log(actor, team.id(), "DELETED", team, null);
        }
        return deleted;
    }

    /** A person's or team's changes, newest first. */
    List<RosterChange> changes(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)).with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(MAX_LISTED), RosterChange.class);
    }

    private void log(String actor, String subjectId, String action, Object before, Object after) {
        mongo.insert(new RosterChange("chg-" + UUID.randomUUID(), Instant.now(), actor, subjectId, action, before, after));
    }

    private static Query atVersion(String id, long version) {
        return Query.query(Criteria.where("_id").is(id).and("version").is(version));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(Person.class).createIndex(new Index("email", Sort.Direction.ASC).unique());
            mongo.indexOps(Person.class).createIndex(new Index("calendarToken", Sort.Direction.ASC).unique());
            mongo.indexOps(Team.class).createIndex(new Index("name", Sort.Direction.ASC).unique());
            indexed = true;
        }
    }
}
