package org.probefleet.coordinator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.probefleet.coordinator.alerting.AlertComposer;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;

/**
 * A {@code promtool test rules} file for one {@link Scenario}: the agents' counters its runs make,
 * and at every minute the engine's state is steady (the same one minute before and after), the
 * engine's page and, while no page fires, its region tickets as the expected alerts.
 */
final class PromtoolScenario {

    private PromtoolScenario() {
    }

    static String render(Scenario scenario, Slo slo, List<ScenarioLibraryTest.Timeline> engine, int firstCheck) {
        StringBuilder yaml = new StringBuilder("""
                rule_files:
                  - rules.yml
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                """);
        for (String region : Scenario.REGIONS) {
            String labels = "journey=\"checkout\",region=\"" + region + "\",status=";
            series(yaml, "probefleet_journey_runs_total{" + labels + "\"success\"}", counter(scenario, region, Set.of(Scenario.Run.GOOD, Scenario.Run.SLOW)));
            series(yaml, "probefleet_journey_runs_total{" + labels + "\"failure\"}", counter(scenario, region, Set.of(Scenario.Run.FAILED)));
            slo.indicator().latencyThreshold().ifPresent(threshold -> series(yaml, PrometheusRules.DURATION_BUCKETS + "{" + labels
                    + "\"success\",le=\"" + org.probefleet.wire.Conventions.le(PrometheusRules.bucket(slo, threshold)) + "\"}",
                    counter(scenario, region, Set.of(Scenario.Run.GOOD))));
        }
        yaml.append("    alert_rule_test:\n");
        for (int minute = Math.max(1, firstCheck); minute < engine.size() - 1; minute++) {
            List<ScenarioLibraryTest.Timeline> around = engine.subList(minute - 1, minute + 2);
            if (around.stream().map(ScenarioLibraryTest.Timeline::page).distinct().count() == 1) {
                check(yaml, minute, AlertComposer.PAGE, around.get(1).page() ? List.of(page(slo)) : List.of());
            }
            boolean ticketsSteady = around.stream().map(ScenarioLibraryTest.Timeline::tickets).distinct().count() == 1;
            if (ticketsSteady && around.stream().noneMatch(ScenarioLibraryTest.Timeline::page)) {
                check(yaml, minute, AlertComposer.REGION_TICKET, new TreeSet<>(around.get(1).tickets()).stream().map(region -> ticket(slo, region)).toList());
            }
        }
        return yaml.toString();
    }

    /**
     * A counter's samples, one a minute after that minute's run: the runs of {@code counted} kinds
     * since the last restart, absent after a restart until the first one (a counter made on first use).
     */
    private static List<String> counter(Scenario scenario, String region, Set<Scenario.Run> counted) {
        List<String> samples = new ArrayList<>();
        long value = 0;
        boolean exposed = true;
        for (int minute = 0; minute < scenario.minutes(); minute++) {
            if (scenario.restarts().contains(minute)) {
                value = 0;
                exposed = false;
            }
            if (counted.contains(scenario.plan().run(region, minute))) {
                value++;
                exposed = true;
            }
            samples.add(exposed ? Long.toString(value) : "_");
        }
        return samples;
    }

    private static void series(StringBuilder yaml, String name, List<String> samples) {
        yaml.append("      - series: '").append(name).append("'\n        values: '").append(String.join(" ", samples)).append("'\n");
    }

    private static void check(StringBuilder yaml, int minute, String alertname, List<String> alerts) {
        yaml.append("      - eval_time: ").append(minute).append("m\n        alertname: ").append(alertname).append('\n');
        if (alerts.isEmpty()) {
            yaml.append("        exp_alerts: []\n");
            return;
        }
        yaml.append("        exp_alerts:\n");
        alerts.forEach(yaml::append);
    }

    private static String page(Slo slo) {
        return alert(slo, "page", "global", slo.name() + " is burning its error budget from a quorum of regions");
    }

    private static String ticket(Slo slo, String region) {
        return alert(slo, "ticket", region, slo.name() + " failing from " + region);
    }

    private static String alert(Slo slo, String severity, String region, String summary) {
        return "          - exp_labels: { severity: " + severity + ", slo: " + slo.name() + ", journey: checkout, owner: " + slo.owner()
                + ", region: " + region + " }\n            exp_annotations:\n              summary: " + summary
                + "\n              description: Multiwindow burn-rate alert for a " + Ratios.percent(slo.target()) + " target over "
                + Durations.format(slo.window()) + ".\n";
    }
}
