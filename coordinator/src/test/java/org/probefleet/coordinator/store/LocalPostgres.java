package org.probefleet.coordinator.store;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.probefleet.coordinator.testing.PostgresCluster;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A throwaway PostgreSQL on loopback for tests: in a container where Docker runs, otherwise a
 * {@link PostgresCluster} of the local binaries. Without either, CI fails and a laptop skips.
 */
public final class LocalPostgres implements AutoCloseable {

    static final String IMAGE = "postgres:15";
    static final String USER = PostgresCluster.USER;

    private final GenericContainer<?> container;
    private final PostgresCluster cluster;
    private int databases;

    private LocalPostgres(GenericContainer<?> container, PostgresCluster cluster) {
        this.container = container;
        this.cluster = cluster;
    }

    public static LocalPostgres start() throws Exception {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(IMAGE).withExposedPorts(5432)
                    .withEnv("POSTGRES_USER", USER).withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
            container.start();
            return new LocalPostgres(container, null);
        }
        Optional<Path> bin = PostgresCluster.binaries();
        if (bin.isEmpty()) {
            String missing = "PostgreSQL's initdb and pg_ctl are needed (Debian/Ubuntu: apt-get install -y postgresql), "
                    + "or a Docker engine for " + IMAGE;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing);
        }
        return new LocalPostgres(null, PostgresCluster.start(bin.get()));
    }

    /** A new, empty database in the cluster, as a store URL. */
    public String freshDatabase() throws Exception {
        if (cluster != null) {
            return cluster.freshDatabase();
        }
        return PostgresCluster.freshDatabase(container.getHost(), container.getMappedPort(5432), ++databases);
    }

    @Override
    public void close() throws Exception {
        if (container != null) {
            container.stop();
        } else {
            cluster.close();
        }
    }
}
