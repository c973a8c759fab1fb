package org.probefleet.coordinator.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.journeys.model.Durations;
import org.probefleet.wire.Conventions;

/**
 * The engine's latest results as gauges, read from the snapshots when {@code /metrics} is scraped.
 * Some 70 series per SLO: as meters they cost a registration per series and evaluation and most
 * of a coordinator's heap at 20,000 SLOs, while holding the latest snapshots costs nothing.
 */
final class SloGauges implements MultiCollector {

    /** The severities SLO alerts fire with; info is a notice no alert rule raises. */
    static final List<Severity> ALERT_SEVERITIES = List.of(Severity.PAGE, Severity.TICKET);

    private final NamingConvention naming;
    private final MetricMetadata sli;
    private final MetricMetadata burn;
    private final MetricMetadata remaining;
    private final MetricMetadata state;
    private final MetricMetadata firing;
    private volatile Collection<SloSnapshot> latest = List.of();

    SloGauges(NamingConvention naming) {
        this.naming = naming;
        sli = metadata(Conventions.SLO_SLI,
                "SLI over the SLO window and every burn-rate window: good / (good + bad); absent while the window holds no events");
        burn = metadata(Conventions.SLO_BURN_RATE, "Error ratio over the window / (1 - target)");
        remaining = metadata(Conventions.SLO_BUDGET_REMAINING, "1 - consumed budget over the SLO window");
        state = metadata(Conventions.SLO_BUDGET_STATE, "1 for the SLO's current policy state");
        firing = metadata(Conventions.SLO_ALERT_FIRING,
                "1 while the SLO's alert of this severity fires for the scope (global or a region), otherwise 0");
    }

    private MetricMetadata metadata(String name, String help) {
        return new MetricMetadata(naming.name(name, Meter.Type.GAUGE), help);
    }

    /** The snapshots the next scrape shows. */
    void update(Collection<SloSnapshot> snapshots) {
        latest = List.copyOf(snapshots);
    }

    @Override
    public MetricSnapshots collect() {
        Collection<SloSnapshot> snapshots = latest;
        if (snapshots.isEmpty()) {
            return MetricSnapshots.of();
        }
        GaugeSnapshot.Builder sliRows = GaugeSnapshot.builder().name(sli.getName()).help(sli.getHelp());
        GaugeSnapshot.Builder burnRows = GaugeSnapshot.builder().name(burn.getName()).help(burn.getHelp());
        GaugeSnapshot.Builder remainingRows = GaugeSnapshot.builder().name(remaining.getName()).help(remaining.getHelp());
        GaugeSnapshot.Builder stateRows = GaugeSnapshot.builder().name(state.getName()).help(state.getHelp());
        GaugeSnapshot.Builder firingRows = GaugeSnapshot.builder().name(firing.getName()).help(firing.getHelp());
        for (SloSnapshot snapshot : snapshots) {
            String slo = snapshot.slo().name();
            List<ScopeResult> scopes = new ArrayList<>(snapshot.regions());
            scopes.add(0, snapshot.global());
            Map<String, Double> fired = new LinkedHashMap<>();
            for (ScopeResult scope : scopes) {
                Map<String, Double> windows = new LinkedHashMap<>();
                windows.put(Durations.format(snapshot.slo().window()), scope.sli());
                for (Window window : Window.BURN_WINDOWS) {
                    // An SLO window as long as a burn window is the same window: its row stays as it is.
                    windows.putIfAbsent(window.name(), scope.windows().get(Window.position(window)).sli());
                    burnRows.dataPoint(point(scope.burn(window), Conventions.SLO, slo, Conventions.REGION, scope.scope(),
                            Conventions.WINDOW, window.name()));
                }
                windows.forEach((window, value) -> {
                    if (!Double.isNaN(value)) {
                        sliRows.dataPoint(point(value, Conventions.SLO, slo, Conventions.REGION, scope.scope(), Conventions.WINDOW, window));
                    }
                });
                remainingRows.dataPoint(point(scope.remaining(), Conventions.SLO, slo, Conventions.REGION, scope.scope()));
                ALERT_SEVERITIES.forEach(severity -> fired.put(scope.scope() + '\0' + severity.wireName(), 0.0));
            }
            stateRows.dataPoint(point(1, Conventions.SLO, slo, Conventions.STATE, snapshot.global().state().name()));
            for (Alert alert : snapshot.firing()) {
                fired.put(alert.scope() + '\0' + alert.severity().wireName(), 1.0);
            }
            fired.forEach((scopeAndSeverity, value) -> {
                String[] parts = scopeAndSeverity.split("\0", 2);
                firingRows.dataPoint(point(value, Conventions.SLO, slo, Conventions.REGION, parts[0], Conventions.SEVERITY, parts[1]));
            });
        }
        return MetricSnapshots.of(sliRows.build(), burnRows.build(), remainingRows.build(), stateRows.build(), firingRows.build());
    }

    private GaugeDataPointSnapshot point(double value, String... labels) {
        String[] named = labels.clone();
        for (int i = 0; i < named.length; i += 2) {
            named[i] = naming.tagKey(named[i]);
        }
        return GaugeDataPointSnapshot.builder().labels(Labels.of(named)).value(value).build();
    }
}
