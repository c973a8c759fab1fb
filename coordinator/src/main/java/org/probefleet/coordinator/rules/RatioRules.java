package org.probefleet.coordinator.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code {{.window}}} works too). When both queries keep the region label (their outermost
 * aggregation is {@code by (region)}), the ratio is recorded per region as well and the page needs
 * the quorum of regions, as for journeys, capped at the regions the queries report; one region
 * burning is a ticket for it. Otherwise the queries are taken whole and page on the whole ratio.
 */
final class RatioRules {

    /** A range selector's duration, as in {@code [5m]}; a subquery's {@code [5m:1m]} is left alone. */
    private static final Pattern RANGE = Pattern.compile("\\[\\s*(\\d+(ms|[smhdwy]))+\\s*]");
    private static final String SLOTH_WINDOW = "{{.window}}";

    private RatioRules() {
    }

    static void add(ArrayNode groups, Slo slo, RatioIndicator ratio, boolean slothCompatible) {
        boolean byRegion = byRegion(ratio);
        ArrayNode recordings = groups.addObject().put("name", "probefleet-slo-" + slo.name() + "-sli-recordings").putArray("rules");
        List<Duration> windows = new ArrayList<>(Window.BURN_WINDOWS.stream().map(Window::length).toList());
        if (!windows.contains(slo.window())) {
            windows.add(slo.window());
        }
        for (Duration window : windows) {
            String range = Durations.format(window);
            if (byRegion) {
                recordings.addObject().put("record", PrometheusRules.record(range)).put("expr", regionalErrorRatio(ratio, range))
                        .putObject("labels").put(Conventions.SLO, slo.name());
            }
            ObjectNode labels = recordings.addObject().put("record", PrometheusRules.record(range))
                    .put("expr", byRegion ? globalErrorRatio(ratio, range) : errorRatio(ratio, range))
                    .putObject("labels").put(Conventions.SLO, slo.name()).put(Conventions.REGION, Conventions.GLOBAL_REGION);
            if (slothCompatible) {
                SlothRecordings.label(labels, slo);
            }
        }
        if (slothCompatible) {
            SlothRecordings.addMetaGroup(groups, slo);
        }
        if (byRegion) {
            String regions = "count(" + PrometheusRules.series(slo, PrometheusRules.record(Durations.format(slo.window())),
                    PrometheusRules.REGIONAL) + ")";
            PrometheusRules.quorumAlerts(groups, slo, "clamp_max(" + regions + ", " + Math.max(1, slo.alertQuorum()) + ")", false);
            return;
        }
        ArrayNode alerts = groups.addObject().put("name", "probefleet-slo-" + slo.name() + "-alerts").putArray("rules");
        String page = PrometheusRules.condition(slo, Severity.PAGE, PrometheusRules.GLOBAL, false);
        PrometheusRules.alert(alerts, slo, AlertComposer.PAGE, Severity.PAGE, page, "{{ $labels.slo }} is burning its error budget");
        PrometheusRules.alert(alerts, slo, AlertComposer.TICKET, Severity.TICKET,
                "(" + PrometheusRules.condition(slo, Severity.TICKET, PrometheusRules.GLOBAL, false) + ") unless on() (" + page + ")",
                "{{ $labels.slo }} is slowly burning its error budget");
    }

    /** Whether both queries keep the region label, so the ratio can be read per region. */
    static boolean byRegion(RatioIndicator ratio) {
        return keepsRegion(ratio.numerator()) && keepsRegion(ratio.denominator());
    }

    /**
     * Whether a query's outermost aggregation groups by the region label: {@code sum by (region) (…)}
     * or {@code sum(…) by (region)}; a grouping inside brackets is summed away by what encloses it.
     */
    static boolean keepsRegion(String query) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;  // an escaped character, a quote among them, does not end the string
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && query.startsWith("by", i) && boundary(query, i - 1) && !identifier(query, i + 2)) {
                int open = query.indexOf('(', i + 2);
                int close = open < 0 ? -1 : query.indexOf(')', open);
                if (open >= 0 && close >= 0 && query.substring(i + 2, open).isBlank()
                        && Arrays.stream(query.substring(open + 1, close).split(",")).map(String::strip).anyMatch(Conventions.REGION::equals)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean boundary(String query, int before) {
        return before < 0 || !identifier(query, before);
    }

    private static boolean identifier(String query, int at) {
        return at < query.length() && (Character.isLetterOrDigit(query.charAt(at)) || query.charAt(at) == '_' || query.charAt(at) == ':');
    }

    /** 1 − good / total over one window. */
    static String errorRatio(RatioIndicator ratio, String range) {
        return "1 - (" + over(ratio.numerator(), range) + ") / (" + over(ratio.denominator(), range) + ")";
    }

    /** Per region: a region the numerator does not report had no good events, as the engine reads it. */
    static String regionalErrorRatio(RatioIndicator ratio, String range) {
        return "1 - (" + goodOrNone(ratio, range) + ") / (" + over(ratio.denominator(), range) + ")";
    }

    /** Over all regions: the sums of the regional queries. */
    static String globalErrorRatio(RatioIndicator ratio, String range) {
        return "1 - sum(" + goodOrNone(ratio, range) + ") / sum(" + over(ratio.denominator(), range) + ")";
    }

    private static String goodOrNone(RatioIndicator ratio, String range) {
        return "(" + over(ratio.numerator(), range) + ") or (" + over(ratio.denominator(), range) + ") * 0";
    }

    /** The query with its range selectors (and Sloth's window placeholder) set to {@code range}. */
    static String over(String query, String range) {
        return RANGE.matcher(query.replace(SLOTH_WINDOW, range)).replaceAll("[" + range + "]").strip();
    }
}
