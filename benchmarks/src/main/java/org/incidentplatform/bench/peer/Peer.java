package org.incidentplatform.bench.peer;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.incidentplatform.bench.load.AlertSender;

/** A system under test, started fresh for one scenario run and notifying the harness's receiver. */
public interface Peer extends AlertSender, AutoCloseable {

    String name();

    /**
     * One storm group as this peer takes it: Alertmanager through its own API, ours as
     * Alertmanager's webhook would deliver that group. Every alert's text names {@code groupId}.
     */
    HttpRequest group(String groupId, List<String> alertNames);

    /** The operating-system processes that make up the peer, by role, for CPU and memory sampling. */
    Map<String, ProcessHandle> processes();

    @Override
    void close();
}
