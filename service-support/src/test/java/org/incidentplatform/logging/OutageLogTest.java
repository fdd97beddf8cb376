package org.incidentplatform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** One line per outage spell, naming the root cause's type and code but never the driver's message. */
@ExtendWith(OutputCaptureExtension.class)
class OutageLogTest {

    private final OutageLog outages = new OutageLog(LoggerFactory.getLogger(OutageLogTest.class), "Event store");

    @Test
    void namesTheRootCauseByTypeOnlyAndOnceInTenSeconds(CapturedOutput log) {
        RuntimeException wrapped = new IllegalStateException("could not append",
                new MongoTimeoutException("Timed out; filter {keyHash: 'secret-hash'}"));

        outages.answering503(wrapped);
        outages.answering503(wrapped);

        assertThat(log.getAll()).containsOnlyOnce("Event store unavailable, answering 503: MongoTimeoutException")
                .doesNotContain("secret-hash");
    }

    @Test
    void aRefusedCommandCarriesItsCodeSoAMissingRoleIsNotMistakenForAnOutage(CapturedOutput log) {
        BsonDocument answer = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(13))
                .append("codeName", new BsonString("Unauthorized")).append("errmsg", new BsonString("not authorized on events"));

        outages.answering503(new MongoCommandException(answer, new ServerAddress()));

        assertThat(log.getAll()).contains("answering 503: MongoCommandException (code 13 Unauthorized)")
                .doesNotContain("not authorized on events");
    }
}
