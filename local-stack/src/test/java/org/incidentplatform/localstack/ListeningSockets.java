package org.incidentplatform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local addresses that listen on a TCP port of this machine, read from the kernel's socket
 * tables (Linux /proc/net/tcp and tcp6), so that a test sees where a server really bound without
 * sending a packet anywhere.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Each address listening on {@code port}, e.g. 127.0.0.1 or 0.0.0.0; IPv4-mapped IPv6 as IPv4. */
    static Set<String> on(int port) {
        Set<String> addresses = new TreeSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] fields = line.trim().split("\\s+");
                    String[] local = fields[1].split(":");
                    if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                        addresses.add(address(local[0]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("This test reads Linux's socket tables", e);
            }
        }
        return addresses;
    }

    /** The kernel writes each 32-bit word of the address in host (little-endian) byte order. */
    private static String address(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress(); // Maps ::ffff:a.b.c.d to IPv4 itself.
        } catch (UnknownHostException e) {
            throw new IllegalStateException(hex, e);
        }
    }
}
