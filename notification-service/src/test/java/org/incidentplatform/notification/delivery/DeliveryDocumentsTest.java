package org.incidentplatform.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.notification.SpringDataMapping;
import org.junit.jupiter.api.Test;

/** The hand-written shape of a delivery is Spring Data's, so records written either way read alike. */
class DeliveryDocumentsTest {

    @Test
    void writesWhatSpringDataWritesAndReadsItBack() {
        Delivery full = new Delivery("e1:slack:#ops", "inc-1", "e1", "IncidentOpened", 7, "corr", "00-abc-def-01",
                "slack", "#ops", DeliveryStatus.FAILED, 2, Instant.parse("2026-12-08T01:00:00.123Z"),
                Instant.parse("2026-12-08T01:00:05Z"), Instant.EPOCH, Instant.parse("2026-12-08T01:00:01Z"), null,
                "text", "{\"id\":\"e1\"}", null, "HTTP 500", 1,
                List.of(new Attempt(1, Instant.parse("2026-12-08T01:00:01.5Z"), "FAILED", 500, 31, "HTTP 500", null),
                        new Attempt(2, Instant.parse("2026-12-08T01:00:03Z"), "FAILED", null, 5000, "timeout", "e0:slack:#ops")));
        Delivery sparse = new Delivery("e2:log:log", "inc-2", "e2", "AlertAttached", 0, null, null, "log", "log",
                DeliveryStatus.PENDING, 0, Instant.parse("2026-12-08T01:00:00Z"), Instant.parse("2026-12-08T01:00:00Z"),
                Instant.EPOCH, null, null, "m", null, null, null, 0, List.of());
        for (Delivery delivery : List.of(full, sparse)) {
            SpringDataMapping.assertSameShape(delivery, DeliveryDocuments::write, DeliveryDocuments::read);
        }
    }
}
