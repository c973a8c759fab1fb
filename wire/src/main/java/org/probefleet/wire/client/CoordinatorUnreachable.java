package org.probefleet.wire.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;

/**
 * A call that reached no coordinator, or got no answer: the message names the coordinator and the
 * network's reason (the JDK's own exceptions often carry none, e.g. a refused connection).
 */
public final class CoordinatorUnreachable extends IOException {

    private final URI base;
    private final boolean connecting;

    CoordinatorUnreachable(URI base, IOException cause) {
        super(message(base, cause), cause);
        this.base = base;
        this.connecting = cause instanceof ConnectException;
    }

    public URI base() {
        return base;
    }

    /** True when no connection could be made (nothing listens there, or the host is unknown). */
    public boolean connecting() {
        return connecting;
    }

    /**
     * The message for someone who chose the coordinator's address: when no connection could be
     * made, asks whether it runs and says how to point elsewhere ({@code howToPoint}, e.g. a flag).
     */
    public String advice(String howToPoint) {
        return connecting ? "cannot connect to the coordinator at " + base + ": is it running? (" + howToPoint + ")" : getMessage();
    }

    private static String message(URI base, IOException cause) {
        if (cause instanceof ConnectException) {
            return "cannot connect to " + base.getHost() + ":" + port(base) + ": " + reason(cause);
        }
        return "the coordinator at " + base + " did not answer: " + reason(cause);
    }

    /** The first message along the cause chain, else the exception's kind. */
    static String reason(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause()) {
            if (at.getMessage() != null && !at.getMessage().isBlank()) {
                return at.getMessage();
            }
        }
        return error instanceof ConnectException ? "connection refused" : error.getClass().getSimpleName();
    }

    private static int port(URI base) {
        if (base.getPort() >= 0) {
            return base.getPort();
        }
        return "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    }
}
