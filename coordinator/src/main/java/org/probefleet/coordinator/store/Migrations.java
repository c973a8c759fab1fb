package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The schema, versioned: each start applies the migrations a store has not seen yet, in order. */
final class Migrations {

    static final List<List<String>> STEPS = List.of(
            List.of("""
                    CREATE TABLE outcomes (
                      run_id TEXT PRIMARY KEY,
                      journey TEXT NOT NULL,
                      region TEXT NOT NULL,
                      agent TEXT NOT NULL,
                      status TEXT NOT NULL,
                      started_at BIGINT NOT NULL,
                      duration_ms BIGINT NOT NULL,
                      received_at BIGINT NOT NULL,
                      body TEXT NOT NULL)""",
                    "CREATE INDEX outcomes_by_time ON outcomes (started_at)",
                    "CREATE INDEX outcomes_by_journey ON outcomes (journey, region, started_at)",
                    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            // Per-minute counts, named for what they counted until step 3 made them tallies the store does not interpret.
            List.of("""
                    CREATE TABLE minute_counts (
                      slo TEXT NOT NULL,
                      region TEXT NOT NULL,
                      minute BIGINT NOT NULL,
                      good BIGINT NOT NULL,
                      failed BIGINT NOT NULL,
                      slow BIGINT NOT NULL,
                      prober_error BIGINT NOT NULL,
                      last_started_at BIGINT NOT NULL,
                      PRIMARY KEY (slo, region, minute))""",
                    "CREATE TABLE counted_slos (slo TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)"),
            // The counts become tallies the store keeps for whoever counts (see Tally): same rows, names that mean nothing to it.
            List.of("""
                    CREATE TABLE tallies (
                      tally_key TEXT NOT NULL,
                      region TEXT NOT NULL,
                      minute BIGINT NOT NULL,
                      amount_1 BIGINT NOT NULL,
                      amount_2 BIGINT NOT NULL,
                      amount_3 BIGINT NOT NULL,
                      amount_4 BIGINT NOT NULL,
                      latest BIGINT NOT NULL,
                      PRIMARY KEY (tally_key, region, minute))""",
                    "INSERT INTO tallies SELECT slo, region, minute, good, failed, slow, prober_error, last_started_at FROM minute_counts",
                    "DROP TABLE minute_counts",
                    "CREATE TABLE tally_tags (tally_key TEXT PRIMARY KEY, tag TEXT NOT NULL)",
                    "INSERT INTO tally_tags SELECT slo, fingerprint FROM counted_slos",
                    "DROP TABLE counted_slos"),
            // Deploy markers: what went out when, to attribute the burn after it and estimate the next release.
            List.of("""
                    CREATE TABLE deploys (
                      id TEXT PRIMARY KEY,
                      version TEXT NOT NULL,
                      at BIGINT NOT NULL,
                      by_name TEXT NOT NULL,
                      link TEXT NOT NULL,
                      slos TEXT NOT NULL,
                      services TEXT NOT NULL)""",
                    "CREATE INDEX deploys_by_time ON deploys (at)"),
            // A coordinator group on one store: who committed each outcome and when (so the others can count it), the
            // leader's lease, and the agents' heartbeats, which every member must see to assign alike.
            List.of("ALTER TABLE outcomes ADD COLUMN committed_by TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE outcomes ADD COLUMN committed_at BIGINT NOT NULL DEFAULT 0",
                    "CREATE INDEX outcomes_by_commit ON outcomes (committed_at)",
                    "CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, token BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
                    """
                    CREATE TABLE heartbeats (
                      agent TEXT PRIMARY KEY,
                      region TEXT NOT NULL,
                      status TEXT NOT NULL,
                      received_at BIGINT NOT NULL)"""),
            // Each SLO's owner from each definitions load on, where it changed: the quarterly review lists the changes.
            List.of("CREATE TABLE slo_owners (at BIGINT NOT NULL, slo TEXT NOT NULL, owner TEXT NOT NULL)",
                    "CREATE INDEX slo_owners_by_time ON slo_owners (at)"));

    private Migrations() {
    }

    static int apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rows.next()) {
                    version = rows.getInt(1);
                }
            }
            if (version > STEPS.size()) {
                throw new SQLException("the store has schema version " + version + ", newer than this coordinator ("
                        + STEPS.size() + "): upgrade the coordinator");
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (int step = version; step < STEPS.size(); step++) {
                    for (String sql : STEPS.get(step)) {
                        statement.execute(sql);
                    }
                    statement.execute("INSERT INTO schema_version (version) VALUES (" + (step + 1) + ")");
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return STEPS.size();
        }
    }
}
