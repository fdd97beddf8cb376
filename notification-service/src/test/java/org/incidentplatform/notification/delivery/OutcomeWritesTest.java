package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The outcome of a message already sent is kept trying while MongoDB is away, but not past the lease. */
class OutcomeWritesTest {

    @Test
    void anOutcomeIsRecordedOnceMongoDbAnswersAgain() {
        AtomicInteger writes = new AtomicInteger();

        OutcomeWrites.untilStored("e1:webhook:default", Duration.ofSeconds(10), () -> {
            if (writes.incrementAndGet() < 3) {
                throw new DataAccessResourceFailureException("Timed out while waiting for a server");
            }
        });

        assertThat(writes).hasValue(3);
    }

    @Test
    void theWriterGivesUpWhenTheLeaseWouldRunOut() {
        AtomicInteger writes = new AtomicInteger();

        assertThatThrownBy(() -> OutcomeWrites.untilStored("e1:webhook:default", Duration.ofMillis(500), () -> {
            writes.incrementAndGet();
            throw new DataAccessResourceFailureException("Timed out while waiting for a server");
        })).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(writes.get()).isBetween(2, 3);
    }

    @Test
    void aFailureThatIsNotAnOutageIsNotRetried() {
        AtomicInteger writes = new AtomicInteger();

        assertThatThrownBy(() -> OutcomeWrites.untilStored("e1:webhook:default", Duration.ofSeconds(10), () -> {
            writes.incrementAndGet();
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(writes).hasValue(1);
    }
}
