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

    /** Returns the port if it is 0 (any free port) or 1..65535, else throws. */
    static int validate(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, got " + port);
        }
        return port;
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

    /**
     * Returns {@code requested} when it is positive, else a port the operating system reports free
     * on 127.0.0.1 right now. Another process could take it before the broker binds it; the broker
     * then fails to start with a bind error that names the port.
     */
    static int resolve(int requested) {
        if (validate(requested) > 0) {
            return requested;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
