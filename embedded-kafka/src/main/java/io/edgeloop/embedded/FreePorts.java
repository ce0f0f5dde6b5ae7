package io.edgeloop.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a free TCP port on the loopback interface. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * Checks that each port is 0 (any free port) or 1..65535, and that two fixed ports differ.
     *
     * @throws IllegalArgumentException naming the bad port
     */
    static void validate(int broker, int controller) {
        for (int port : new int[] {broker, controller}) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, got " + port);
            }
        }
        if (broker > 0 && broker == controller) {
            throw new IllegalArgumentException("broker and controller ports must differ, both are " + broker);
        }
    }

    /**
     * Fails early, with a message that names the port, when a fixed port is taken; binding with
     * {@code SO_REUSEADDR} as the broker does, so connections in TIME_WAIT do not count.
     */
    static void requireFree(int port, String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        } catch (IOException e) {
            throw new IllegalStateException(what + " 127.0.0.1:" + port + " is in use by another process ("
                    + e.getMessage() + "); stop it or choose another port (0 = any free port)", e);
        }
    }

    /** The two ports a node listens on. */
    record Ports(int broker, int controller) {
    }

    /**
     * Returns the requested ports, with each 0 replaced by a port the operating system reports free
     * on 127.0.0.1 right now, the two always distinct: both free ports are held open together while
     * they are picked, so the second cannot be the first again. Another process could take a port
     * before the broker binds it; the broker then fails to start with a bind error that names it.
     *
     * @throws IllegalArgumentException as {@link #validate(int, int)}
     */
    static Ports resolve(int broker, int controller) {
        validate(broker, controller);
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket b = broker == 0 ? anyFree() : null; ServerSocket c = controller == 0 ? anyFree() : null) {
                Ports ports = new Ports(b == null ? broker : b.getLocalPort(), c == null ? controller : c.getLocalPort());
                if (ports.broker() != ports.controller()) { // a free port picked may be the other's fixed one
                    return ports;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on the loopback interface", e);
            }
        }
        throw new IllegalStateException("found no free port other than " + Math.max(broker, controller)
                + " on the loopback interface in 10 tries");
    }

    private static ServerSocket anyFree() throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        return socket;
    }
}
