package org.probefleet.coordinator.store;

import java.util.List;

/** The few statements that differ between SQLite and PostgreSQL; everything else is shared SQL. */
enum Dialect {
    SQLITE(List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000"), "MAX",
            "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS BIGINT)"),
    POSTGRESQL(List.of(), "GREATEST", "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");

    /** Run on every new connection. */
    final List<String> connectionSetup;
    /** The larger of two values. */
    final String greatest;
    /**
     * The database's wall clock in epoch milliseconds: the one clock every member of a group shares,
     * for leases and commit stamps (a coordinator's own clock may be a test's, or drift).
     */
    final String nowMillis;

    Dialect(List<String> connectionSetup, String greatest, String nowMillis) {
        this.connectionSetup = connectionSetup;
        this.greatest = greatest;
        this.nowMillis = nowMillis;
    }
}
