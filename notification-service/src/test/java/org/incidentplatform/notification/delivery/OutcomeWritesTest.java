package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

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

    /**
     * The writes that OutcomeWrites retries go through the driver directly; an outage must still
     * reach it as the exception it retries on, or the outcome is lost and the message sent twice.
     */
    @Test
    void theDeliveryLogReportsMongoDbAwayAsTheFailureThatIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + closedPort + "/?serverSelectionTimeoutMS=300")) {
            MongoTemplate mongo = new MongoTemplate(client, "notifications");
            DeliveryLog log = new DeliveryLog(mongo, new DeliveryIndexes(mongo), new DeliveryQueues(mongo));
            Attempt attempt = new Attempt(1, Instant.now(), "DELIVERED", 200, 12, null, null);

            assertThatThrownBy(() -> log.applyAll(List.of(new DeliveryLog.Change("e1:webhook:default",
                    DeliveryLog.delivered(attempt))))).isInstanceOf(DataAccessResourceFailureException.class);
            assertThatThrownBy(() -> log.markSending(List.of("e1:webhook:default"), Instant.now()))
                    .isInstanceOf(DataAccessResourceFailureException.class);
        }
    }
}
