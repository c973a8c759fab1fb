package org.probefleet.coordinator.store;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A throwaway PostgreSQL on loopback for tests: in a container where Docker runs, otherwise a
 * cluster of the local binaries ({@code initdb}, {@code pg_ctl}: in {@code $PROBEFLEET_PG_BIN},
 * which {@code ./fleet test} sets, on the PATH or in Debian's {@code /usr/lib/postgresql/VERSION/bin})
 * in a temporary folder on a free port. PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the {@code postgres} user.
 * Without either, CI fails and a laptop skips.
 */
public final class LocalPostgres implements AutoCloseable {

    static final String IMAGE = "postgres:15";
    static final String USER = "probefleet";

    private final GenericContainer<?> container;
    private final Path folder;
    private final List<String> asOwner;
    private final Path pgCtl;
    private final String host;
    private final int port;
    private int databases;

    private LocalPostgres(GenericContainer<?> container, Path folder, List<String> asOwner, Path pgCtl, String host, int port) {
        this.container = container;
        this.folder = folder;
        this.asOwner = asOwner;
        this.pgCtl = pgCtl;
        this.host = host;
        this.port = port;
    }

    public static LocalPostgres start() throws Exception {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(IMAGE).withExposedPorts(5432)
                    .withEnv("POSTGRES_USER", USER).withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
            container.start();
            return new LocalPostgres(container, null, List.of(), null, container.getHost(), container.getMappedPort(5432));
        }
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String missing = "PostgreSQL's initdb and pg_ctl are needed (Debian/Ubuntu: apt-get install -y postgresql), "
                    + "or a Docker engine for " + IMAGE;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing);
        }
        Path folder = Files.createTempDirectory("probefleet-postgres");
        List<String> asOwner = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
            asOwner = List.of("runuser", "-u", "postgres", "--");
        }
        int port = freePort();
        Path data = folder.resolve("data");
        run(folder, asOwner, bin.get().resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--no-sync");
        LocalPostgres postgres = new LocalPostgres(null, folder, asOwner, bin.get().resolve("pg_ctl"), "127.0.0.1", port);
        run(folder, asOwner, postgres.pgCtl.toString(), "-D", data.toString(), "-l", folder.resolve("postgres.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return postgres;
    }

    /** A new, empty database in the cluster, as a store URL. */
    public String freshDatabase() throws Exception {
        String name = "store_" + ++databases;
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + USER;
    }

    private static Optional<Path> binaries() {
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

    private static void run(Path folder, List<String> asOwner, String... command) throws Exception {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (container != null) {
            container.stop();
            return;
        }
        try {
            run(folder, asOwner, pgCtl.toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
