package org.probefleet.coordinator.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probefleet.coordinator.service.JourneyStatus;
import org.probefleet.coordinator.view.Html;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Every journey: its kind and schedule, the last run in each region, and how flaky it was over the last day ({@code web/journeys.jte}). */
public final class JourneysPage {

    record View(List<Row> rows, long refreshSeconds) {
    }

    /** One journey; each last run is a chip, bad unless it succeeded. */
    record Row(String id, String description, String kind, String schedule, List<OverviewPage.Chip> lastRuns, String flaky) {
    }

    private JourneysPage() {
    }

    public static String render(List<JourneyStatus.Row> rows, Instant now, Duration refresh) {
        return Html.render("web/journeys.jte", new View(rows.stream().map(row -> row(row, now)).toList(), refresh.toSeconds()));
    }

    private static Row row(JourneyStatus.Row row, Instant now) {
        Journey journey = row.journey();
        List<OverviewPage.Chip> last = new ArrayList<>();
        row.lastRuns().forEach((region, outcome) -> last.add(new OverviewPage.Chip(region + " " + outcome.map(o -> o.status().wireName()
                + " " + ago(Duration.between(o.startedAt(), now)) + " ago, " + o.durationMs() + " ms").orElse("never"),
                outcome.filter(o -> o.status() != OutcomeStatus.SUCCESS).isPresent())));
        String flaky = row.successes() == 0 ? "–" : String.format(Locale.ROOT, "%.1f%% (%d of %d passed on a retry)",
                100.0 * row.retriedSuccesses() / row.successes(), row.retriedSuccesses(), row.successes());
        String kind = journey.kind().name().toLowerCase(Locale.ROOT) + (journey.mode().name().equals("SHADOW") ? " (shadow)" : "");
        return new Row(journey.id(), journey.description(), kind, journey.schedule().describe(), last, flaky);
    }

    private static String ago(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
