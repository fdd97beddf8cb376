package org.incidentplatform.bench.peer;

import java.util.Map;
import org.incidentplatform.bench.load.AlertSender;

/** A system under test, started fresh for one scenario run and notifying the harness's receiver. */
public interface Peer extends AlertSender, AutoCloseable {

    String name();

    /** The operating-system processes that make up the peer, by role, for CPU and memory sampling. */
    Map<String, ProcessHandle> processes();

    @Override
    void close();
}
