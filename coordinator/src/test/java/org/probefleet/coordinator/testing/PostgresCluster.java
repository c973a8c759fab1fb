package org.probefleet.coordinator.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of the local binaries ({@code initdb}, {@code pg_ctl}: in
 * {@code $PROBEFLEET_PG_BIN}, which {@code ./fleet test} sets, on the PATH or in Debian's
 * {@code /usr/lib/postgresql/VERSION/bin}) in a temporary folder on a free loopback port, for the
 * tests and the fleet benchmark. PostgreSQL refuses to run as root, so as root the cluster belongs
 * to the {@code postgres} user.
 */
public final class PostgresCluster implements AutoCloseable {

    /** The superuser the cluster is made with; it connects without a password from loopback. */
    public static final String USER = "probefleet";

    private final Path folder;
    private final List<String> asOwner;
    private final Path pgCtl;
    private final int port;
    private int databases;

    private PostgresCluster(Path folder, List<String> asOwner, Path pgCtl, int port) {
        this.folder = folder;
        this.asOwner = asOwner;
        this.pgCtl = pgCtl;
        this.port = port;
    }

    /** The folder of initdb and pg_ctl, if this machine has them. */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("PROBEFLEET_PG_BIN")).filter(folder -> !folder.isBlank()).map(Path::of).ifPresent(candidates::add);
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(folder));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.reverseOrder()).forEach(version -> candidates.add(version.resolve("bin")));
            } catch (IOException e) {
                // no Debian layout to search
            }
        }
        return candidates.stream().filter(folder -> Files.isExecutable(folder.resolve("initdb")) && Files.isExecutable(folder.resolve("pg_ctl")))
                .findFirst();
    }

    /**
     * Makes a cluster with the binaries in {@code bin} and starts it.
     *
     * @param settings extra server settings ({@code -c name=value} each), e.g. {@code max_connections=200}
     */
    public static PostgresCluster start(Path bin, String... settings) throws Exception {
        Path folder = Files.createTempDirectory("probefleet-postgres");
        List<String> asOwner = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
            asOwner = List.of("runuser", "-u", "postgres", "--");
        }
        int port = ChildProcess.freePort();
        Path data = folder.resolve("data");
        run(folder, asOwner, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync");
        PostgresCluster cluster = new PostgresCluster(folder, asOwner, bin.resolve("pg_ctl"), port);
        StringBuilder options = new StringBuilder("-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off");
        for (String setting : settings) {
            options.append(" -c ").append(setting);
        }
        run(folder, asOwner, cluster.pgCtl.toString(), "-D", data.toString(), "-l", folder.resolve("postgres.log").toString(), "-w",
                "-t", "60", "-o", options.toString(), "start");
        return cluster;
    }

    public int port() {
        return port;
    }

    /** A new, empty database in the cluster, as a store URL. */
    public String freshDatabase() throws Exception {
        return freshDatabase("127.0.0.1", port, ++databases);
    }

    /** Creates database {@code store_N} on the server at host:port and answers its store URL. */
    public static String freshDatabase(String host, int port, int number) throws Exception {
        String name = "store_" + number;
        try (Connection connection = DriverManager.getConnection(url(host, port, "postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(host, port, name);
    }

    private static String url(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + USER;
    }

    private static void run(Path folder, List<String> asOwner, String... command) throws Exception {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    /** Stops the server at once and deletes its folder. */
    @Override
    public void close() throws Exception {
        try {
            run(folder, asOwner, pgCtl.toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
