package org.probefleet.coordinator.store;

import java.util.List;

/** The few statements that differ between SQLite and PostgreSQL; everything else is shared SQL. */
enum Dialect {
    SQLITE(List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000"), "MAX"),
    POSTGRESQL(List.of(), "GREATEST");

    /** Run on every new connection. */
    final List<String> connectionSetup;
    /** The larger of two values. */
    final String greatest;

    Dialect(List<String> connectionSetup, String greatest) {
        this.connectionSetup = connectionSetup;
        this.greatest = greatest;
    }
}
