package org.incidentplatform.report.pages;

import com.mongodb.MongoBulkWriteException;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The page deliveries of each incident. */
@Repository
public class PageDeliveries {

    /** A post-mortem lists at most this many; a page that fails for hours is retried many times. */
    static final int MAX_LISTED = 500;
    private final MongoTemplate mongo;

    PageDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a poll's deliveries with one unordered insert; ones stored before (a redelivered poll) are skipped. */
    void recordAll(List<PageDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PageDelivery.class).insert(deliveries).execute();
        } catch (DuplicateKeyException | org.springframework.data.mongodb.BulkOperationException redelivered) {
            if (!onlyDuplicates(redelivered)) {
                throw redelivered;
            }
        }
    }

    public List<PageDelivery> of(String incidentId) {
        return mongo.find(Query.query(Criteria.where("incidentId").is(incidentId))
                .with(Sort.by("occurredAt")).limit(MAX_LISTED), PageDelivery.class);
    }

    private static boolean onlyDuplicates(RuntimeException failure) {
        if (failure instanceof org.springframework.data.mongodb.BulkOperationException bulk) {
            return bulk.getErrors().stream().allMatch(error -> error.getCode() == 11000);
        }
        return failure.getCause() instanceof MongoBulkWriteException bulk
                ? bulk.getWriteErrors().stream().allMatch(error -> error.getCode() == 11000) : true;
    }
}
