package org.probefleet.journeys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine command = new CommandLine(new JourneysCli());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    @DisplayName("check on the examples exits 0 and lists the four journeys, their SLOs (the seed's ratio SLO among them) and the policies")
    void examples() {
        assertThat(run("check", "examples")).isZero();

        assertThat(out.toString())
                .contains("journey  checkout", "journey  login", "journey  search", "journey  catalog-api")
                .contains("slo      checkout-journey-success   journey checkout within 8s, target 99.4% over 30d, policy payment-service")
                .contains("slo      checkout-completion-rate   ratio of two Prometheus queries, target 99.4% over 30d, policy default")
                .contains("slo      checkout-real-users        real users' checkout beacons, target 98% over 30d, policy default")
                .contains("policy   default                    FULL from 0% (allowed) · CAUTION from 25% (review)")
                .endsWith("4 journeys, 6 SLOs, 2 policies; 0 errors" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @DisplayName("check exits 1 with the problems on stderr and no stack trace")
    void problems(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.yaml"), "journey: a\nshedule: { every: 1m }\nsteps: [ {goto: /} ]\n");

        assertThat(run("check", folder.toString())).isEqualTo(1);

        assertThat(err.toString()).isEqualTo(folder.resolve("a.yaml")
                + ":2:1: unknown key 'shedule' (did you mean 'schedule'?)" + System.lineSeparator());
        assertThat(out.toString()).endsWith("0 journeys, 0 SLOs, 1 policy; 1 error" + System.lineSeparator());
    }
}
