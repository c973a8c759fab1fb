package org.probefleet.prober.run;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.Optional;

/**
 * A target that could not be reached, said the same way for HTTP and browser journeys:
 * what went wrong and where ({@code connection refused: 127.0.0.1:19093}).
 */
public record NetworkError(String what, String hostPort) {

    /** Chromium's network error codes (as in {@code net::ERR_CONNECTION_REFUSED}) in the words HTTP journeys use. */
    private static final Map<String, String> CHROMIUM = Map.of(
            "ERR_CONNECTION_REFUSED", "connection refused",
            "ERR_NAME_NOT_RESOLVED", "unknown host",
            "ERR_CONNECTION_TIMED_OUT", "connection timed out",
            "ERR_TIMED_OUT", "connection timed out",
            "ERR_CONNECTION_RESET", "connection reset",
            "ERR_CONNECTION_CLOSED", "connection closed without a response",
            "ERR_EMPTY_RESPONSE", "connection closed without a response",
            "ERR_ADDRESS_UNREACHABLE", "no route to host");

    public NetworkError(String what, URI target) {
        this(what, hostPort(target));
    }

    /** The JDK HTTP client's error, by its type and its causes' types (its messages are often empty). */
    public static NetworkError ofJdk(IOException error, URI target) {
        if (error instanceof HttpConnectTimeoutException) {
            return new NetworkError("connection timed out", target);
        }
        if (error instanceof HttpTimeoutException) {
            return new NetworkError("no response within the journey's timeout", target);
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new NetworkError("unknown host", target);
            }
            if (cause instanceof NoRouteToHostException) {
                return new NetworkError("no route to host", target);
            }
        }
        if (error instanceof ConnectException) {
            return new NetworkError("connection refused", target);
        }
        return new NetworkError("connection failed (" + reason(error) + ")", target);
    }

    /** Chromium's {@code net::ERR_…} code for a navigation, if it is one of the network's errors. */
    public static Optional<NetworkError> ofChromium(String code, URI target) {
        return Optional.ofNullable(CHROMIUM.get(code)).map(what -> new NetworkError(what, target));
    }

    @Override
    public String toString() {
        return what + ": " + hostPort;
    }

    private static String hostPort(URI target) {
        int port = target.getPort() >= 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }

    /** The first message along the cause chain, else the exception's kind. */
    private static String reason(Throwable error) {
        for (Throwable at = error; at != null; at = at.getCause()) {
            if (at.getMessage() != null && !at.getMessage().isBlank()) {
                return at.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }
}
