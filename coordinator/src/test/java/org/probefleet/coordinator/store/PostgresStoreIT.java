package org.probefleet.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * The store contract on a real PostgreSQL: the shared-store path runs the same SQL as SQLite. And
 * what coordinators sharing one PostgreSQL rely on: the lease and its fencing, each other's commits.
 */
class PostgresStoreIT extends OutcomeStoreContract {

    static final String LEASE = "test.leader";
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

    @Test
    @DisplayName("one member holds the lease; another takes it, with a higher token, only once it is given up, and the old token writes nothing")
    void leaseAndFencing() throws Exception {
        String url = freshStoreUrl();
        try (JdbcOutcomeStore one = JdbcOutcomeStore.open(url, clock); JdbcOutcomeStore other = JdbcOutcomeStore.open(url, clock)) {
            GroupStore first = one.group().orElseThrow();
            GroupStore second = other.group().orElseThrow();
            OptionalLong held = first.hold(LEASE, Duration.ofMinutes(1));

            assertThat(held).hasValue(1);
            assertThat(first.hold(LEASE, Duration.ofMinutes(1))).as("renewed, same token").hasValue(1);
            assertThat(second.hold(LEASE, Duration.ofMinutes(1))).isEmpty();
            assertThat(first.saveFenced(LEASE, 1, "alerting.state", "first")).isTrue();

            first.release(LEASE);
            assertThat(second.hold(LEASE, Duration.ofMinutes(1))).hasValue(2);
            assertThat(first.saveFenced(LEASE, 1, "alerting.state", "stale")).isFalse();
            assertThat(other.setting("alerting.state")).contains("first");
            assertThat(first.hold(LEASE, Duration.ofMinutes(1))).isEmpty();
        }
    }

    @Test
    @DisplayName("a lease not renewed runs out by the database's clock, and another member takes it")
    void leaseRunsOut() throws Exception {
        String url = freshStoreUrl();
        try (JdbcOutcomeStore one = JdbcOutcomeStore.open(url, clock); JdbcOutcomeStore other = JdbcOutcomeStore.open(url, clock)) {
            assertThat(one.group().orElseThrow().hold(LEASE, Duration.ofMillis(200))).hasValue(1);
            Thread.sleep(400);
            assertThat(other.group().orElseThrow().hold(LEASE, Duration.ofMinutes(1))).hasValue(2);
        }
    }

    @Test
    @DisplayName("each outcome another member commits is handed on once; none already in the tallies handed over, none of its own")
    void othersCommits() throws Exception {
        String url = freshStoreUrl();
        try (JdbcOutcomeStore one = JdbcOutcomeStore.open(url, clock); JdbcOutcomeStore other = JdbcOutcomeStore.open(url, clock)) {
            Recorder firstCounts = new Recorder(5_000);
            one.countWith(firstCounts.counter).join();
            Instant at = Instant.parse("2026-11-28T11:50:00Z");
            Outcome before = outcome("checkout", "eu-west", at, 900, OutcomeStatus.SUCCESS);
            one.append(List.of(before)).join();

            Recorder secondCounts = new Recorder(5_000);
            other.countWith(secondCounts.counter).join();
            assertThat(secondCounts.minutes).as("the outcome committed before the hand-over, in its tallies").hasSize(1);
            Outcome after = outcome("checkout", "us-east", at.plusSeconds(60), 900, OutcomeStatus.FAILURE);
            Outcome own = outcome("checkout", "ap-south", at.plusSeconds(60), 900, OutcomeStatus.SUCCESS);
            one.append(List.of(after)).join();
            other.append(List.of(own)).join();

            List<Outcome> handedOn = new ArrayList<>();
            other.group().orElseThrow().pollOthers(handedOn::add);
            other.group().orElseThrow().pollOthers(handedOn::add);
            assertThat(handedOn).containsExactly(after);
            assertThat(other.append(List.of(after)).join().duplicates()).as("stored once, whichever member it reached").isEqualTo(1);
        }
    }
}
