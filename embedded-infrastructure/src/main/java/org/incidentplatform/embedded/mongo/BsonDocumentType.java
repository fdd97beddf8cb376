package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores a collection's documents in the H2 file as BSON, with the same encoder and decoder the
 * server uses on the wire, so a stored document round-trips exactly as a client sees it.
 *
 * <p>Why not H2's default: it Java-serialises each value with a fresh {@code ObjectOutputStream}
 * (class descriptors and all), and H2 writes every changed page whole at each commit, so one
 * updated document re-serialised all its neighbours that way. Decoded documents stay in H2's page
 * cache, so a read of a cached page costs no decoding either way.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Running average of encoded sizes. */
    private volatile int averageSize = 512;

    /**
     * Heap a decoded document takes per byte of its BSON: a map entry, a key string and a boxed or
     * string value per field make a document of short fields several times its encoded size. A
     * class histogram of the launcher after a burst showed the 64 MB page cache, counted in encoded
     * bytes, holding about 300 MB of documents; the collector copied and marked all of it.
     */
    static final int DECODED_BYTES_PER_ENCODED_BYTE = 4;

    /** Encodings of one document tried before the failure goes to H2 (which then closes the store). */
    static final int MAX_ENCODING_ATTEMPTS = 1_000;

    private BsonDocumentType() {
    }

    /** What H2 counts against its page cache and its unsaved-memory limit: the document's heap, estimated. */
    @Override
    public int getMemory(Document document) {
        return averageSize * DECODED_BYTES_PER_ENCODED_BYTE;
    }

    /**
     * One encoding buffer per writing thread (H2 encodes a chunk's pages on its serialization
     * thread), reused for every document: a fresh buffer per document, grown as it filled, was
     * a seventh of everything the embedded server allocated in a burst.
     */
    private static final ThreadLocal<ByteBuf> BUFFERS = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** A buffer that grew past this for one huge document is not kept. */
    private static final int KEPT_BUFFER_BYTES = 1 << 20;

    @Override
    public void write(WriteBuffer target, Document document) {
        ByteBuf encoded = BUFFERS.get();
        encoded.clear();
        encodeWhileItMayChange(document, encoded);
        int length = encoded.readableBytes();
        target.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
        averageSize = (averageSize * 15 + length) / 16;
        if (encoded.capacity() > KEPT_BUFFER_BYTES) {
            encoded.release();
            BUFFERS.remove();
        }
    }

    /**
     * H2 encodes a changed page in its background thread, without the collection's lock, while the
     * server may be changing a document of that page in place (it then puts it again, which marks
     * the page for the next commit). Encoding a map that changes under it throws
     * {@link java.util.ConcurrentModificationException}, which made H2 close the whole store. So an
     * encoding that fails is started again: the change takes microseconds, and whatever state this
     * write catches, the put that follows the change writes the page again.
     */
    static void encodeWhileItMayChange(Document document, ByteBuf encoded) {
        for (int attempt = 1; ; attempt++) {
            try {
                BsonEncoder.encodeDocument(document, encoded);
                return;
            } catch (RuntimeException changedUnderUs) {
                // Not only ConcurrentModificationException: a map iterated while it changes can
                // also fail otherwise. A failure that is not a change under us repeats every time
                // and reaches H2 after the last attempt, as it did before.
                if (attempt == MAX_ENCODING_ATTEMPTS) {
                    throw changedUnderUs;
                }
                encoded.clear();
                Thread.yield();
            }
        }
    }

    @Override
    public Document read(ByteBuffer source) {
        int start = source.position();
        // A BSON document starts with its own length, little-endian, the length field included.
        int length = Integer.reverseBytes(source.getInt(start));
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(source.slice(start, length)));
        source.position(start + length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
