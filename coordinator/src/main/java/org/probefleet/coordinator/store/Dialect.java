package org.probefleet.coordinator.store;

import java.util.List;

/** The few statements that differ between SQLite and PostgreSQL; everything else is shared SQL. */
enum Dialect {
    SQLITE(List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000")),
    POSTGRESQL(List.of());

    /** Run on every new connection. */
    final List<String> connectionSetup;

    Dialect(List<String> connectionSetup) {
        this.connectionSetup = connectionSetup;
    }
}
