package org.probefleet.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends OutcomeStoreContract {

    @TempDir
    Path folder;
    int stores;

    @Override
    String freshStoreUrl() {
        return "sqlite:" + folder.resolve("store-" + ++stores + ".db");
    }

    @Test
    @DisplayName("a store from before tallies keeps its per-minute counts and their fingerprints through the migration")
    void minuteCountsBecomeTallies() throws Exception {
        String url = freshStoreUrl();
        try (Connection connection = DriverManager.getConnection("jdbc:" + url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            for (int step = 0; step < 2; step++) {
                for (String sql : Migrations.STEPS.get(step)) {
                    statement.execute(sql);
                }
                statement.execute("INSERT INTO schema_version (version) VALUES (" + (step + 1) + ")");
            }
            // 2026-11-28T11:58:40Z, in minute 29931118 since the epoch; the fingerprint of the recorder's SLO at 8 s.
            statement.execute("INSERT INTO minute_counts VALUES ('checkout-slo', 'eu-west', 29931118, 2, 1, 1, 1, 1795867120000)");
            statement.execute("INSERT INTO counted_slos VALUES ('checkout-slo', 'checkout|LIVE|8000ms|')");
        }
        assertThat(rows(countedAfterRestart(url, 8_000).minutes))
                .isEqualTo("checkout-slo eu-west last 2026-11-28T11:58:40Z good 2 failed 1 slow 1 prober_error 1");
    }
}
