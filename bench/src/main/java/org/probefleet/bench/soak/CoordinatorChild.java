package org.probefleet.bench.soak;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.probefleet.coordinator.cli.CoordinatorCli;

/**
 * A coordinator under a benchmark, in a JVM of its own so it can be killed with -9: one config in
 * a folder of its own (a SQLite store there, or a PostgreSQL store a group shares), the same port
 * across restarts, every start's output appended to one log.
 */
public final class CoordinatorChild {

    /** One simulated agent as the coordinator's config names it. */
    public record Identity(String name, String region, String token) {
    }

    private final Path folder;
    private final int port;
    private final List<String> jvmOptions;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    /** The soak's coordinator: a SQLite store in {@code folder}, 512 MiB of heap. */
    CoordinatorChild(Path folder, Path definitions, List<Identity> agents) throws IOException {
        this(folder, definitions, agents, "");
    }

    /** @param moreConfig further top-level keys of coordinator.yaml, e.g. an {@code alerting:} section */
    public CoordinatorChild(Path folder, Path definitions, List<Identity> agents, String moreConfig) throws IOException {
        this(folder, definitions, agents, "sqlite:" + folder.resolve("store.db"), List.of("-Xmx512m"), moreConfig);
    }

    /**
     * @param store the store URL, e.g. a {@code jdbc:postgresql://} one that a group shares
     * @param jvmOptions the coordinator JVM's options (heap, log levels)
     */
    public CoordinatorChild(Path folder, Path definitions, List<Identity> agents, String store, List<String> jvmOptions) throws IOException {
        this(folder, definitions, agents, store, jvmOptions, "");
    }

    private CoordinatorChild(Path folder, Path definitions, List<Identity> agents, String store, List<String> jvmOptions, String moreConfig)
            throws IOException {
        this.folder = folder;
        this.jvmOptions = List.copyOf(jvmOptions);
        Files.createDirectories(folder);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder("port: " + port + "\nbind: 127.0.0.1\nstore: " + store
                + "\ndefinitions: " + definitions.toAbsolutePath() + "\ndata_dir: " + folder.resolve("data") + "\nagents:\n");
        for (Identity agent : agents) {
            Path token = folder.resolve(agent.name() + ".token");
            Files.writeString(token, agent.token());
            config.append("  - { name: ").append(agent.name()).append(", region: ").append(agent.region())
                    .append(", token_file: ").append(token).append(" }\n");
        }
        Files.writeString(folder.resolve("coordinator.yaml"), config.append(moreConfig));
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return folder.resolve("coordinator.log");
    }

    /** Starts the coordinator and waits until /healthz answers 200; returns how long that took. */
    public Duration start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), CoordinatorCli.class.getName(), "coordinator", "--config",
                folder.resolve("coordinator.yaml").toString()));
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .directory(folder.toFile()).start();
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        while (!healthy()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the coordinator did not become healthy within 5 minutes; see " + log());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private boolean healthy() throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The resident memory of the coordinator's process, from /proc (Linux); 0 where that cannot be read. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // not Linux, or the process has ended
        }
        return 0;
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no final commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the coordinator (SIGTERM, then SIGKILL after 30 s), if it was started. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /**
     * Makes every write the coordinator makes to a file fail, or lifts that again: the soft
     * RLIMIT_FSIZE of its process set to 0 bytes with prlimit(1) (util-linux), no root needed.
     * Writes then fail with EFBIG, as appends fail with ENOSPC on a full disk; stricter than a
     * full disk, as rewriting blocks a file already has fails too. Sockets are not affected.
     */
    void fillDisk(boolean full) throws IOException, InterruptedException {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(process.pid()), "--fsize=" + (full ? "0" : "unlimited") + ":")
                .redirectErrorStream(true).start();
        String output = new String(prlimit.getInputStream().readAllBytes());
        if (prlimit.waitFor() != 0) {
            throw new IOException("prlimit failed: " + output.trim());
        }
    }

    /** This JVM's class path, absolute, for a child JVM started from another folder. */
    public static String classpath() {
        // Relative entries must survive the change of working directory.
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
