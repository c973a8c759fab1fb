package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The connection guard on a real server, with its clock in the test's hands. */
class ConnectionGuardTest {

    static final ConnectionGuard.Limits LIMITS = new ConnectionGuard.Limits(4, Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(60));

    final Vertx vertx = Vertx.vertx();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final ConnectionGuard guard = new ConnectionGuard(LIMITS, nanos::get);
    final List<Socket> sockets = new ArrayList<>();
    HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = vertx.createHttpServer(ConnectionGuard.options());
        guard.attach(vertx, server);
        server = server.requestHandler(guard.guard(request -> request.endHandler(end -> request.response().end("ok"))))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.actualPort());
        socket.setSoTimeout(200);
        sockets.add(socket);
        return socket;
    }

    void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Advances the guard's clock and lets it look at every connection. */
    void after(Duration elapsed) {
        nanos.addAndGet(elapsed.toNanos());
        guard.sweep();
    }

    static boolean closed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                int read = in.read();
                if (read < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(5000);
        byte[] buffer = new byte[4096];
        int read = socket.getInputStream().read(buffer);
        return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("a connection that sends nothing, or its headers a byte at a time, is closed at the header deadline and not before")
    void idleAndSlowlorisConnectionsAreClosed() throws Exception {
        Socket idle = connect();
        Socket slowloris = connect();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> guard.open() == 2);
        write(slowloris, "GET / HTTP/1.1\r\nHost: x\r\n");

        after(Duration.ofSeconds(9));
        assertThat(closed(idle)).isFalse();
        assertThat(closed(slowloris)).isFalse();
        write(slowloris, "X-A: 1\r\n");
        after(Duration.ofSeconds(2));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> closed(idle) && closed(slowloris));
    }

    @Test
    @DisplayName("a body that never finishes is cut at the body deadline; a kept-alive connection at the idle deadline")
    void slowBodiesAndIdleKeepAlive() throws Exception {
        Socket slowBody = connect();
        Socket keptAlive = connect();
        write(slowBody, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789");
        write(keptAlive, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer(keptAlive)).startsWith("HTTP/1.1 200");
        after(Duration.ofSeconds(1));

        after(Duration.ofSeconds(31));
        assertThat(closed(slowBody)).isFalse();
        assertThat(closed(keptAlive)).isFalse();
        after(Duration.ofSeconds(29));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> closed(slowBody));
        assertThat(closed(keptAlive)).as("idle for exactly the idle timeout").isFalse();
        after(Duration.ofSeconds(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> closed(keptAlive));
    }

    @Test
    @DisplayName("past the connection cap a request is answered 503 in JSON; far past it a connection is closed at once")
    void connectionCap() throws Exception {
        for (int i = 0; i < 4; i++) {
            connect();
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> guard.open() == 4);
        Socket overCap = connect();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> guard.open() == 5);
        Socket farOver = connect();

        write(overCap, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        String answer = answer(overCap);

        assertThat(answer).startsWith("HTTP/1.1 503").contains("too many connections to this coordinator: retry later");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> closed(farOver));
    }
}
