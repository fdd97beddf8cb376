package org.incidentplatform.incident.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * The JVM's host name resolver in this module's tests (META-INF/services): the built-in one,
 * except that while {@link OutboundTraffic} is armed every looked-up name is recorded and a name
 * that is not this machine's is refused, so nothing under test reaches a DNS server.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        OutboundTraffic.thisMachineIsNamed(configuration.lookupLocalHostName());
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                OutboundTraffic traffic = OutboundTraffic.current();
                if (traffic != null) {
                    traffic.recordLookup(host);
                    if (!OutboundTraffic.isThisMachine(host)) {
                        throw new UnknownHostException(host + " (refused by the test's resolver: not this machine)");
                    }
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "recording resolver of incident-service tests";
    }
}
