package org.incidentplatform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * H2 encodes pages in its own thread while the server changes documents in place. A plain
 * encoding then fails now and then with ConcurrentModificationException, and H2 answered that by
 * closing the store (every later command: "This store is closed"). The store's encoding starts
 * again instead, and every encoding it returns is a whole document.
 */
class BsonEncodingUnderChangeTest {

    /** At least this many encodings, more (up to ten times as many) until a plain one has failed. */
    private static final int ENCODINGS = 20_000;

    @Test
    void aDocumentChangedWhileItIsEncodedIsEncodedWholeAndNeverFailsTheWrite() throws InterruptedException {
        Document document = new Document("_id", "incident-1").append("status", "OPEN").append("version", 1);
        AtomicBoolean changing = new AtomicBoolean(true);
        AtomicInteger changes = new AtomicInteger();
        Thread server = Thread.ofPlatform().start(() -> {
            while (changing.get()) {
                document.put("pendingSince", changes.incrementAndGet());
                document.remove("pendingSince");
                // As the server does, a change and then other work: a document changed without a
                // pause ever could fail every attempt, and made this test fail one run in four.
                long until = System.nanoTime() + 2_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        });
        int plainFailures = 0;
        try {
            for (int i = 0; i < ENCODINGS || (plainFailures == 0 && i < 10 * ENCODINGS); i++) {
                ByteBuf plain = Unpooled.buffer();
                try {
                    BsonEncoder.encodeDocument(document, plain);
                } catch (ConcurrentModificationException expected) {
                    plainFailures++;
                } catch (RuntimeException alsoFromTheChange) {
                    plainFailures++;
                } finally {
                    plain.release();
                }
                ByteBuf encoded = Unpooled.buffer();
                try {
                    BsonDocumentType.encodeWhileItMayChange(document, encoded);
                    Document decoded = BsonDecoder.decodeBson(encoded);
                    assertThat(decoded).containsEntry("_id", "incident-1").containsEntry("status", "OPEN")
                            .containsEntry("version", 1);
                } finally {
                    encoded.release();
                }
            }
        } finally {
            changing.set(false);
            server.join();
        }
        // The condition this guards against did occur in this run (otherwise the test proved nothing).
        assertThat(plainFailures).as("plain encodings that failed while the document changed").isPositive();
    }
}
