package org.probefleet.coordinator.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;

/**
 * The SLO page's pictures as data for {@code web/chart.jte} (inline SVG: no scripts, no CDN): the
 * budget burn-down over the window, the SLI per day (both with the deploys marked), and each region's last 24 hours.
 */
final class SloCharts {

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    static final int WIDTH = 720;
    static final int HEIGHT = 180;
    static final String DEPLOY_COLOUR = "#8250df";

    /** An SVG chart of {@link #WIDTH} × {@link #HEIGHT}; its parts are drawn lines first, labels last. */
    record Chart(String title, List<Line> lines, List<Polyline> polylines, List<Dot> dots, List<Label> labels) {
    }

    record Line(double x1, double y1, double x2, double y2, String colour, String dashes) {
    }

    /** {@code points} as SVG writes them: {@code x,y x,y …}. */
    record Polyline(String colour, int width, String points) {
    }

    record Dot(double x, double y, String colour, String title) {
    }

    record Label(double x, double y, String text) {
    }

    /** One region's last 24 hours, one cell per hour, oldest first. */
    record Strip(String region, List<Cell> cells) {
    }

    record Cell(String colour, String title) {
    }

    private SloCharts() {
    }

    /** A coordinate as the chart writes it. */
    static String at(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    /** Budget left at each day of the window (bad so far ÷ the budget of the whole window's events), against a steady spend; empty without events. */
    static Optional<Chart> burnDown(SloSnapshot snapshot, Map<String, SeriesCounts> series, Counts window) {
        Slo slo = snapshot.slo();
        if (window.total() == 0) {
            return Optional.empty();
        }
        double allowed = slo.errorBudget() * window.total();
        Instant start = snapshot.at().minus(slo.window());
        long days = slo.window().toDays();
        List<double[]> points = new ArrayList<>();
        double lowest = 0;
        for (long day = 0; day <= days; day++) {
            Instant at = day == days ? snapshot.at() : start.plus(Duration.ofDays(day));
            double left = 1 - sum(series, start, at).bad() / allowed;
            lowest = Math.min(lowest, Math.max(-1, left));
            points.add(new double[] {(double) day / days, left});
        }
        double bottom = lowest;
        StringBuilder line = new StringBuilder();
        for (double[] point : points) {
            line.append(at(point[0] * WIDTH)).append(',').append(at(y(Math.max(-1, point[1]), bottom))).append(' ');
        }
        return Optional.of(new Chart("Error budget left over the last " + days + " days",
                List.of(new Line(0, y(0, bottom), WIDTH, y(0, bottom), "#8c959f", "4 3"), new Line(0, y(1, bottom), WIDTH, y(0, bottom), "#8c959f", "2 4")),
                List.of(new Polyline("#0969da", 2, line.toString())), List.of(),
                List.of(new Label(4, 14, "100%"), new Label(4, y(0, bottom) - 4, "0% (dashed: a steady spend)"),
                        new Label(WIDTH - 140, 14, "now: " + Ratios.percent(OverviewPage.round(points.get(points.size() - 1)[1])) + " left"))));
    }

    /** Daily SLI over the window as dots (green meeting the target, red missing it), with the target as a dashed line. */
    static Chart sliPerDay(SloSnapshot snapshot, Map<String, SeriesCounts> series) {
        Slo slo = snapshot.slo();
        long days = slo.window().toDays();
        List<Double> slis = new ArrayList<>();
        double lowest = slo.target() - 2 * slo.errorBudget();
        for (long day = days; day > 0; day--) {
            Counts counts = sum(series, snapshot.at().minus(Duration.ofDays(day)), snapshot.at().minus(Duration.ofDays(day - 1)));
            slis.add(counts.sli());
            if (!Double.isNaN(counts.sli())) {
                lowest = Math.min(lowest, counts.sli());
            }
        }
        double bottom = Math.max(0, lowest);
        double targetY = y(slo.target(), bottom);
        double step = (double) WIDTH / days;
        StringBuilder line = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < slis.size(); i++) {
            double sli = slis.get(i);
            if (Double.isNaN(sli)) {
                continue;
            }
            double x = (i + 0.5) * step;
            double y = y(sli, bottom);
            line.append(at(x)).append(',').append(at(y)).append(' ');
            dots.add(new Dot(x, y, sli >= slo.target() ? "#1a7f37" : "#cf222e",
                    (days - i) + " days ago: " + String.format(Locale.ROOT, "%.3f%%", sli * 100)));
        }
        return new Chart("SLI per day over the last " + days + " days", List.of(new Line(0, targetY, WIDTH, targetY, "#cf222e", "4 3")),
                List.of(new Polyline("#8c959f", 1, line.toString())), dots, List.of(new Label(4, targetY - 4, "target " + Ratios.percent(slo.target()))));
    }

    /** One row per region of the SLO, one cell per hour: green within budget, amber burning, red burning fast, grey without runs. */
    static List<Strip> strips(SloSnapshot snapshot, Map<String, SeriesCounts> series) {
        Instant end = snapshot.at();
        double budget = snapshot.slo().errorBudget();
        List<Strip> strips = new ArrayList<>();
        for (ScopeResult region : snapshot.regions()) {
            SeriesCounts regionSeries = series.getOrDefault(region.scope(), SeriesCounts.EMPTY);
            List<Cell> cells = new ArrayList<>();
            for (int hour = 24; hour > 0; hour--) {
                Instant from = end.minus(Duration.ofHours(hour));
                Counts counts = regionSeries.count(from, from.plus(Duration.ofHours(1)));
                double burn = counts.errorRatio() / budget;
                String colour = counts.total() == 0 ? "#d0d7de" : burn <= 1 ? "#1a7f37" : burn <= 6 ? "#bf8700" : "#cf222e";
                cells.add(new Cell(colour, HOUR.format(from) + " UTC: " + counts.good() + " good, " + counts.bad() + " bad"
                        + (counts.total() == 0 ? "" : String.format(Locale.ROOT, ", burn %.1fx", burn))));
            }
            strips.add(new Strip(region.scope(), cells));
        }
        return strips;
    }

    /** The chart with a dashed purple line and the version at each deploy between {@code start} and {@code end}. */
    static Chart withDeploys(Chart chart, List<Deploy> deploys, Instant start, Instant end) {
        List<Line> lines = new ArrayList<>(chart.lines());
        List<Label> labels = new ArrayList<>(chart.labels());
        double span = Duration.between(start, end).toMillis();
        for (Deploy deploy : deploys) {
            if (deploy.at().isBefore(start) || deploy.at().isAfter(end)) {
                continue;
            }
            double x = Duration.between(start, deploy.at()).toMillis() / span * WIDTH;
            lines.add(new Line(x, 10, x, HEIGHT - 10, DEPLOY_COLOUR, "2 2"));
            labels.add(new Label(Math.min(x + 2, WIDTH - 60), HEIGHT - 4, deploy.version()));
        }
        return new Chart(chart.title(), lines, chart.polylines(), chart.dots(), labels);
    }

    static Counts sum(Map<String, SeriesCounts> series, Instant fromExclusive, Instant toInclusive) {
        Counts total = Counts.ZERO;
        for (SeriesCounts one : series.values()) {
            total = total.plus(one.count(fromExclusive, toInclusive));
        }
        return total;
    }

    /** Where a ratio between {@code bottom} and 1 lands, with a 10-pixel margin top and bottom. */
    private static double y(double value, double bottom) {
        return (1 - (value - bottom) / (1 - bottom)) * (HEIGHT - 20) + 10;
    }
}
