package org.incidentplatform.incident.outbound;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Watches which hosts this JVM looks up or connects to while it is armed, and refuses to resolve
 * any name that is not this machine's. Two listening posts: every host name lookup passes through
 * {@link RecordingResolverProvider} (registered in META-INF/services), and every URL connection,
 * HTTP client request and {@code java.net.Socket} connect asks the default {@link ProxySelector}
 * first, which this replaces while armed. Disarmed, both only delegate, so the other tests of the
 * module are unaffected.
 */
public final class OutboundTraffic implements AutoCloseable {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost");
    private static volatile OutboundTraffic armed;
    private static volatile String thisMachinesName = "";

    private final Set<String> hosts = new ConcurrentSkipListSet<>();
    private final ProxySelector previous = ProxySelector.getDefault();

    private OutboundTraffic() {
    }

    /** Starts recording; {@link #close()} stops it and restores the default proxy selector. */
    public static synchronized OutboundTraffic arm() {
        if (armed != null) {
            throw new IllegalStateException("Already armed");
        }
        OutboundTraffic traffic = new OutboundTraffic();
        ProxySelector.setDefault(traffic.new RecordingProxySelector());
        armed = traffic;
        return traffic;
    }

    /** Every host looked up or connected to since {@link #arm()}. */
    public Set<String> hosts() {
        return new TreeSet<>(hosts);
    }

    /** Hosts looked up or connected to that are neither loopback nor this machine's own name. */
    public Set<String> beyondThisMachine() {
        Set<String> beyond = new TreeSet<>();
        for (String host : hosts) {
            if (!isThisMachine(host)) {
                beyond.add(host);
            }
        }
        return beyond;
    }

    @Override
    public synchronized void close() {
        ProxySelector.setDefault(previous);
        armed = null;
    }

    static OutboundTraffic current() {
        return armed;
    }

    /** This machine's own name, as the JVM's resolver configuration knows it. */
    static void thisMachineIsNamed(String name) {
        thisMachinesName = name == null ? "" : name;
    }

    void recordLookup(String host) {
        hosts.add(host.toLowerCase(Locale.ROOT));
    }

    /** Loopback names and addresses, and this machine's own name (the JVM looks that up itself). */
    static boolean isThisMachine(String host) {
        String name = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        return LOOPBACK_NAMES.contains(name) || name.endsWith(".localhost") || name.equalsIgnoreCase(thisMachinesName)
                || name.startsWith("127.") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")
                || name.startsWith("::ffff:127.");
    }

    private final class RecordingProxySelector extends ProxySelector {

        @Override
        public List<Proxy> select(URI uri) {
            if (uri.getHost() != null) {
                hosts.add(uri.getHost().toLowerCase(Locale.ROOT));
            }
            return previous == null ? List.of(Proxy.NO_PROXY) : previous.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            if (previous != null) {
                previous.connectFailed(uri, address, e);
            }
        }
    }
}
