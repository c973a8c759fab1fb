package org.probefleet.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL: the shared-store path runs the same SQL as SQLite. */
class PostgresStoreIT extends OutcomeStoreContract {

    static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String freshStoreUrl() throws Exception {
        return postgres.freshDatabase();
    }

    @Test
    void opensAPostgresqlUrlAsPostgresql() throws Exception {
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(freshStoreUrl(), clock)) {
            assertThat(store.description()).startsWith("PostgreSQL jdbc:postgresql://");
        }
    }
}
