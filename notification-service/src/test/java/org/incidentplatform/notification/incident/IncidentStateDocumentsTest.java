package org.incidentplatform.notification.incident;

import java.util.List;
import org.incidentplatform.notification.SpringDataMapping;
import org.junit.jupiter.api.Test;

/** The hand-written shape of an incident's state is Spring Data's, so states written either way read alike. */
class IncidentStateDocumentsTest {

    @Test
    void writesWhatSpringDataWritesAndReadsItBack() {
        IncidentState full = new IncidentState("inc-1", 12, "Checkout down", "5xx above 20%", "SEV1", "OPEN",
                List.of("checkout", "payments"), List.of("db"), "ana");
        IncidentState unknown = IncidentState.unknown("inc-2");
        for (IncidentState state : List.of(full, unknown)) {
            SpringDataMapping.assertSameShape(state, IncidentStateDocuments::write, IncidentStateDocuments::read);
        }
    }
}
