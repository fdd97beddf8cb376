package org.incidentplatform.bench.peer;

import java.nio.file.Path;

/** Starts a fresh peer that notifies {@code receiverUrl}, keeping its files under {@code workDir}. */
@FunctionalInterface
public interface PeerFactory {

    Peer start(String receiverUrl, Path workDir) throws Exception;
}
