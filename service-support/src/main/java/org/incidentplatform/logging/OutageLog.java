package org.incidentplatform.logging;

import com.mongodb.MongoServerException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One WARN line for a store outage that requests are being answered 503 for, at most every
 * {@link #EVERY}: during an outage every request fails the same way, and one line in ten seconds
 * tells the operator as much as thousands. The line names the root cause's type and, for a command
 * the server refused, its error code ("not authorized" is a missing role, not an outage), but never
 * the driver's message, which quotes the command and with it stored data.
 */
public final class OutageLog {

    static final Duration EVERY = Duration.ofSeconds(10);

    private final Logger log;
    private final String store;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - EVERY.toNanos());

    /** {@code store}: what is unavailable, as the line begins ("API-key store"). */
    public OutageLog(Logger log, String store) {
        this.log = log;
        this.store = store;
    }

    /** A request is being answered 503 because of {@code cause}. */
    public void answering503(Throwable cause) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last < EVERY.toNanos() || !lastLogged.compareAndSet(last, now)) {
            return;
        }
        Throwable root = cause;
        for (int depth = 0; depth < 20 && root.getCause() != null && root.getCause() != root; depth++) {
            root = root.getCause();
        }
        String code = root instanceof MongoServerException server ? " (code " + server.getCode() + " "
                + server.getErrorCodeName() + ")" : "";
        log.warn("{} unavailable, answering 503: {}{}", store, root.getClass().getSimpleName(), code);
    }
}
