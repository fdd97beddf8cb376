package org.incidentplatform.incident.view;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Reads and writes incident views by id, the access path the in-process MongoDB server indexes. */
@Repository
public class IncidentViewRepository {

    private final MongoTemplate mongo;

    IncidentViewRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The newest open incidents (not resolved or closed), newest first, at most {@code limit}; for pickers. */
    public List<IncidentView> newestOpen(int limit) {
        Query query = Query.query(Criteria.where("status").nin("RESOLVED", "CLOSED"))
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "startedAt"))
                .limit(limit);
        query.fields().exclude("alerts", "statusUpdates", "notes");
        return mongo.find(query, IncidentView.class);
    }

    public Optional<IncidentView> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentView.class));
    }

    /** The stored versions of the incidents' views; an incident without a view is absent. */
    Map<String, Long> versions(Collection<String> incidentIds) {
        Query query = Query.query(Criteria.where("_id").in(incidentIds));
        query.fields().include("_id", "version");
        Map<String, Long> versions = new HashMap<>();
        mongo.find(query, Document.class, mongo.getCollectionName(IncidentView.class))
                .forEach(view -> versions.put(view.getString("_id"), view.get("version", Number.class).longValue()));
        return versions;
    }

    /**
     * Stores the view only if the stored one is still at {@code expectedVersion} (-1: there is
     * none yet). The incident's own unit of work and the event relay both bring views up to date;
     * this is what keeps the slower of two concurrent writers from putting an older view back.
     *
     * @return whether the view was stored; if not, the caller reads again and retries
     */
    boolean saveIfVersion(IncidentView view, long expectedVersion) {
        if (expectedVersion < 0) {
            try {
                mongo.insert(view);
                return true;
            } catch (DuplicateKeyException anotherWriterWasFirst) {
                return false;
            }
        }
        Query unchanged = Query.query(Criteria.where("_id").is(view.id).and("version").is(expectedVersion));
        return mongo.findAndReplace(unchanged, view) != null;
    }

    /**
     * Inserts views of new incidents with one unordered command.
     *
     * @return the indexes of the views not inserted because one with their id exists already
     */
    List<Integer> insertNew(List<IncidentView> created) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IncidentView.class).insert(created).execute();
            return List.of();
        } catch (BulkOperationException partly) {
            List<Integer> existing = new ArrayList<>();
            for (BulkWriteError error : partly.getErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw partly;
                }
                existing.add(error.getIndex());
            }
            return existing;
        }
    }

    MongoTemplate mongo() {
        return mongo;
    }
}
