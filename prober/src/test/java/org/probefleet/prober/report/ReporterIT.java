package org.probefleet.prober.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.client.Backoff;

class ReporterIT {

    static final String TOKEN = "agent-token-0123456789";
    @TempDir
    Path folder;

    /**
     * A port where the receiver is down: every connection is accepted and dropped at once, as a
     * crashed service's port would. Bound to 127.0.0.1, the address the reporter dials, and
     * counting what it drops so a failure can tell whether the reporter reached it at all.
     */
    static final class DownPort implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        final AtomicInteger dropped = new AtomicInteger();
        final Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    socket.accept().close();
                    dropped.incrementAndGet();
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });

        DownPort() throws java.io.IOException {
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join();
        }
    }

    @Test
    @DisplayName("with the receiver down for two minutes and then back, every outcome arrives exactly once")
    void receiverDownTwoMinutes() throws Exception {
        DownPort down = new DownPort();
        int port = down.port();
        List<UUID> recorded = new ArrayList<>();
        try (Outbox outbox = new Outbox(folder.resolve("outbox"), 1L << 30);
             Reporter reporter = new Reporter(outbox, URI.create("http://127.0.0.1:" + port + "/"), TOKEN, folder,
                     new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5))).start()) {
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < end) {
                Outcome outcome = Outcomes.one();
                outbox.append(outcome);
                recorded.add(outcome.runId());
                Awaitility.await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> true);
            }
            assertThat(reporter.delivered()).as("deliveries while the receiver was down (%d connections dropped on port %d)",
                    down.dropped.get(), port).isZero();
            down.close();
            try (Receiver receiver = new Receiver(port, () -> 200)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() >= recorded.size());
                assertThat(receiver.received).containsExactlyInAnyOrderElementsOf(recorded).doesNotHaveDuplicates();
                assertThat(receiver.problems).isEmpty();
                // The receiver has the last batch a moment before the reporter has its answer and acknowledges it.
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
            }
        }
    }

    @Test
    @DisplayName("5xx and 429 retry; another 4xx dead-letters the batch with its reason and delivery goes on")
    void statusHandling() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> answers = List.of(503, 429, 400, 200);
        try (Receiver receiver = new Receiver(0, () -> answers.get(Math.min(calls.getAndIncrement(), answers.size() - 1)));
             Outbox outbox = new Outbox(folder.resolve("outbox"), 1L << 30)) {
            Outcome refused = Outcomes.one();
            outbox.append(refused);
            try (Reporter reporter = new Reporter(outbox, URI.create("http://127.0.0.1:" + receiver.port() + "/"), TOKEN, folder,
                    new Backoff(Duration.ofMillis(50), Duration.ofMillis(200))).start()) {
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reporter.deadLettered() == 1);
                Outcome next = Outcomes.one();
                outbox.append(next);
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.contains(next.runId()));
                assertThat(receiver.received).doesNotContain(refused.runId());
            }
            assertThat(Files.readString(folder.resolve("outbox/dead-letter.jsonl"))).contains("\"reason\":\"HTTP 400", refused.runId().toString());
        }
    }
}
