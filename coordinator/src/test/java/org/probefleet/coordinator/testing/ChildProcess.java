package org.probefleet.coordinator.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server binary (Prometheus, Alertmanager) run for tests and benchmarks: found on the PATH,
 * started as a child process on a loopback port with its output in a log file, awaited until
 * its {@code /-/ready} answers, and stopped with it gone.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final URI url;

    private ChildProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** The first of {@code names} that is an executable on the PATH. */
    public static Optional<Path> onPath(String... names) {
        for (String name : names) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A loopback port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts {@code command}, which listens on {@code port} of 127.0.0.1, writing to {@code log}; returns
     * once {@code /-/ready} answers 200, or stops it and says why when it exits or is not ready in 30 s.
     */
    public static ChildProcess start(String name, List<String> command, int port, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildProcess child = new ChildProcess(process, URI.create("http://127.0.0.1:" + port));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!child.ready(client)) {
            boolean exited = !process.isAlive();
            if (exited || System.nanoTime() > deadline) {
                child.close();
                throw new IllegalStateException(name + (exited ? " exited" : " was not ready within " + READY_WITHIN.toSeconds() + " s")
                        + "; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return child;
    }

    public URI url() {
        return url;
    }

    private boolean ready(HttpClient client) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the process and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
