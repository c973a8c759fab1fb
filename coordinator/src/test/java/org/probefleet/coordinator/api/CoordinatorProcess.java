package org.probefleet.coordinator.api;

import java.io.File;
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
import org.awaitility.Awaitility;
import org.probefleet.coordinator.cli.CoordinatorCli;

/** A coordinator in a process of its own (so it can be killed, or held to a small heap), on a free loopback port. */
final class CoordinatorProcess {

    static final String AGENT_TOKEN = "process-test-token-0123456789abcdef";

    final Path folder;
    final Path config;
    final int port;
    final String base;

    /** Writes a config for one agent (eu-west-1 in eu-west) over a SQLite store in {@code folder}. */
    CoordinatorProcess(Path folder) throws Exception {
        this.folder = folder;
        Files.writeString(folder.resolve("agent.token"), AGENT_TOKEN);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        config = folder.resolve("coordinator.yaml");
        Files.writeString(config, "port: " + port + "\nstore: sqlite:" + folder.resolve("store.db") + "\ndefinitions: "
                + Path.of("../journeys/examples").toAbsolutePath() + "\ndata_dir: " + folder.resolve("data")
                + "\nagents:\n  - { name: eu-west-1, region: eu-west, token_file: " + folder.resolve("agent.token") + " }\n");
        base = "http://127.0.0.1:" + port;
    }

    /** Starts the coordinator with {@code jvmOptions}, its output in {@code log}, working in this folder. */
    Process start(Path log, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classpath(), CoordinatorCli.class.getName(), "coordinator", "--config", config.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).directory(folder.toFile()).start();
    }

    private static String classpath() {
        // Relative entries (target/classes) must survive the change of working directory.
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    void awaitHealthy(HttpClient client) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> client.send(
                HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }
}
