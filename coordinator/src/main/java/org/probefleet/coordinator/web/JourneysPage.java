package org.probefleet.coordinator.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.probefleet.coordinator.service.JourneyStatus;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Every journey: its kind and schedule, the last run in each region, and how flaky it was over the last day. */
public final class JourneysPage {

    private JourneysPage() {
    }

    public static String render(List<JourneyStatus.Row> rows, Instant now, Duration refresh) {
        StringBuilder body = new StringBuilder("<table>\n<thead><tr><th>Journey</th><th>Kind</th><th>Schedule</th><th>Last run per region</th>"
                + "<th>Flaky (last 24 h)</th></tr></thead>\n<tbody>\n");
        for (JourneyStatus.Row row : rows) {
            Journey journey = row.journey();
            StringBuilder last = new StringBuilder();
            row.lastRuns().forEach((region, outcome) -> {
                last.append("<span class=\"chip").append(outcome.filter(o -> o.status() != OutcomeStatus.SUCCESS).isPresent() ? " bad" : "")
                        .append("\">").append(OverviewPage.escape(region)).append(' ');
                last.append(outcome.map(o -> o.status().wireName() + " " + ago(Duration.between(o.startedAt(), now)) + " ago, "
                        + o.durationMs() + " ms").orElse("never"));
                last.append("</span>");
            });
            String flaky = row.successes() == 0 ? "–" : String.format(Locale.ROOT, "%.1f%% (%d of %d passed on a retry)",
                    100.0 * row.retriedSuccesses() / row.successes(), row.retriedSuccesses(), row.successes());
            body.append("<tr><td><strong>").append(OverviewPage.escape(journey.id())).append("</strong><div class=\"muted\">")
                    .append(OverviewPage.escape(journey.description())).append("</div></td><td>").append(journey.kind().name().toLowerCase(Locale.ROOT))
                    .append(journey.mode().name().equals("SHADOW") ? " (shadow)" : "").append("</td><td>")
                    .append(OverviewPage.escape(journey.schedule().describe())).append("</td><td>").append(last).append("</td><td>")
                    .append(flaky).append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return OverviewPage.page("Journeys · Probefleet", "Journeys", refresh, body.toString());
    }

    private static String ago(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
