package org.probefleet.coordinator.api;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what one client can hold: a cap on open connections (answered 503 past it, closed
 * at once far past it), a deadline to send a request's headers, a deadline to send its body,
 * and an idle deadline between requests. Without these a few thousand idle or slow
 * connections exhaust the coordinator's file descriptors.
 */
final class ConnectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    /** The limits; the defaults suit a coordinator serving hundreds of agents and a few dashboards. */
    record Limits(int maxConnections, Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout) {
        static final Limits DEFAULT = new Limits(4096, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    /** One connection: when it must have sent headers (0 while a request is in flight), and that request. */
    private static final class State {
        volatile long headerDeadline;
        volatile long bodyDeadline;
        volatile HttpServerRequest current;
        final boolean overCap;

        State(long headerDeadline, boolean overCap) {
            this.headerDeadline = headerDeadline;
            this.overCap = overCap;
        }
    }

    private final Limits limits;
    private final LongSupplier nanoTime;
    private final Map<HttpConnection, State> open = new ConcurrentHashMap<>();

    ConnectionGuard(Limits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /**
     * The server options the guard needs: HTTP/1.1 only, so a connection is known the moment it is
     * accepted (with cleartext HTTP/2 on, Vert.x waits for the first bytes to choose a protocol, and
     * a client that never sends any is never seen).
     */
    static HttpServerOptions options() {
        return new HttpServerOptions().setHttp2ClearTextEnabled(false);
    }

    /** Watches {@code server}'s connections and checks deadlines every second; returns the timer id. */
    long attach(Vertx vertx, HttpServer server) {
        server.connectionHandler(this::connected);
        return vertx.setPeriodic(1000, id -> sweep());
    }

    int open() {
        return open.size();
    }

    private void connected(HttpConnection connection) {
        int count = open.size() + 1;
        if (count > limits.maxConnections() + limits.maxConnections() / 4) {
            connection.close();
            return;
        }
        open.put(connection, new State(nanoTime.getAsLong() + limits.headerTimeout().toNanos(), count > limits.maxConnections()));
        connection.closeHandler(closed -> open.remove(connection));
    }

    /** Wraps the router: marks the request in flight, and answers 503 on connections past the cap. */
    Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
        return request -> {
            State state = open.get(request.connection());
            if (state != null) {
                state.headerDeadline = 0;
                state.bodyDeadline = nanoTime.getAsLong() + limits.bodyTimeout().toNanos();
                state.current = request;
                if (state.overCap) {
                    request.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.CONNECTION, "close").putHeader("Retry-After", "5")
                            .end("{\"error\":\"too many connections to this coordinator: retry later\"}")
                            .onComplete(done -> request.connection().close());
                    return;
                }
            }
            next.handle(request);
        };
    }

    void sweep() {
        long now = nanoTime.getAsLong();
        int closed = 0;
        for (Map.Entry<HttpConnection, State> entry : open.entrySet()) {
            State state = entry.getValue();
            HttpServerRequest request = state.current;
            if (request != null && request.response().ended()) {
                state.current = null;
                state.headerDeadline = now + limits.idleTimeout().toNanos();
            } else if (request != null && !request.isEnded() && now - state.bodyDeadline > 0) {
                entry.getKey().close();
                closed++;
            } else if (request == null && state.headerDeadline != 0 && now - state.headerDeadline > 0) {
                entry.getKey().close();
                closed++;
            }
        }
        if (closed > 0) {
            LOG.debug("closed {} connections that were idle or too slow to send a request", closed);
        }
    }
}
