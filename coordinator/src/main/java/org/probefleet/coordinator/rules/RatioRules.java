package org.probefleet.coordinator.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.probefleet.coordinator.alerting.AlertComposer;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.Conventions;

/**
 * The rules of an SLO over a Prometheus ratio, Sloth-style: each window's error ratio is
 * 1 − numerator / denominator with the queries' range selectors set to that window (Sloth's
 * {@code {{.window}}} works too). The queries are taken whole, so the rules page on the whole
 * ratio; the engine, which reads the queries by region, applies the quorum.
 */
final class RatioRules {

    /** A range selector's duration, as in {@code [5m]}; a subquery's {@code [5m:1m]} is left alone. */
    private static final Pattern RANGE = Pattern.compile("\\[\\s*(\\d+(ms|[smhdwy]))+\\s*]");
    private static final String SLOTH_WINDOW = "{{.window}}";

    private RatioRules() {
    }

    static void add(ArrayNode groups, Slo slo, RatioIndicator ratio, boolean slothCompatible) {
        ArrayNode recordings = groups.addObject().put("name", "probefleet-slo-" + slo.name() + "-sli-recordings").putArray("rules");
        List<Duration> windows = new ArrayList<>(Window.BURN_WINDOWS.stream().map(Window::length).toList());
        if (!windows.contains(slo.window())) {
            windows.add(slo.window());
        }
        for (Duration window : windows) {
            String range = Durations.format(window);
            ObjectNode labels = recordings.addObject().put("record", PrometheusRules.record(range))
                    .put("expr", errorRatio(ratio, range))
                    .putObject("labels").put(Conventions.SLO, slo.name()).put(Conventions.REGION, Conventions.GLOBAL_REGION);
            if (slothCompatible) {
                SlothRecordings.label(labels, slo);
            }
        }
        if (slothCompatible) {
            SlothRecordings.addMetaGroup(groups, slo);
        }
        ArrayNode alerts = groups.addObject().put("name", "probefleet-slo-" + slo.name() + "-alerts").putArray("rules");
        String page = PrometheusRules.condition(slo, Severity.PAGE, PrometheusRules.GLOBAL, false);
        PrometheusRules.alert(alerts, slo, AlertComposer.PAGE, Severity.PAGE, page, "{{ $labels.slo }} is burning its error budget");
        PrometheusRules.alert(alerts, slo, AlertComposer.TICKET, Severity.TICKET,
                "(" + PrometheusRules.condition(slo, Severity.TICKET, PrometheusRules.GLOBAL, false) + ") unless on() (" + page + ")",
                "{{ $labels.slo }} is slowly burning its error budget");
    }

    /** 1 − good / total over one window. */
    static String errorRatio(RatioIndicator ratio, String range) {
        return "1 - (" + over(ratio.numerator(), range) + ") / (" + over(ratio.denominator(), range) + ")";
    }

    /** The query with its range selectors (and Sloth's window placeholder) set to {@code range}. */
    static String over(String query, String range) {
        return RANGE.matcher(query.replace(SLOTH_WINDOW, range)).replaceAll("[" + range + "]").strip();
    }
}
