package org.probefleet.coordinator.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.slo.Cadence;
import org.probefleet.coordinator.slo.ExactSeries;
import org.probefleet.journeys.model.Names;
import org.probefleet.journeys.model.Slo;

/**
 * A recorded minute of an SLO whose events are counted rather than run (a Prometheus ratio, real
 * users' beacons), as a line of a replay file: {@code {"slo": "checkout-ratio", "minute":
 * "2026-11-01T10:04:00Z", "region": "eu-west", "good": 597, "total": 600}}. The minute is named
 * by its start, like the store's minutes, and holds the events of {@code (minute, minute + 1m]};
 * they count at its end, when the coordinator reads a ratio. {@code region} defaults to
 * {@link Cadence#UNLABELLED}.
 */
public final class RecordedMinute {

    /** The field that tells a recorded minute from an outcome, which has none by that name. */
    static final String SLO = "slo";
    static final Set<String> FIELDS = Set.of(SLO, "minute", "region", "good", "total");
    private static final long MINUTE_SECONDS = 60;

    private RecordedMinute() {
    }

    /** Whether an SLO's events are recorded minutes (its indicator measures no journey's runs). */
    public static boolean counts(Slo slo) {
        return slo.indicator().measuredJourney().isEmpty();
    }

    /** Adds a minute to its region's series at its latest instant, where the live engine adds it. */
    public static void addTo(Map<String, ExactSeries.Builder> series, MinuteCounts minute) {
        series.computeIfAbsent(minute.region(), region -> new ExactSeries.Builder()).add(minute.lastStartedAt(), minute.good(), minute.bad());
    }

    /** The start of the minute, which names it and places it in a month or a quarter. */
    public static Instant start(MinuteCounts minute) {
        return Instant.ofEpochSecond(minute.minute() * MINUTE_SECONDS);
    }

    static boolean is(JsonNode node) {
        return node != null && node.isObject() && node.has(SLO);
    }

    /** Reads one line's minute, reporting each bad field as {@code field: problem}. */
    static Optional<MinuteCounts> read(JsonNode node, List<String> problems) {
        int before = problems.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(name + ": unknown field (a recorded minute has slo, minute, region, good, total)");
            }
        }
        String slo = id(node, SLO, problems);
        String region = node.has("region") ? id(node, "region", problems) : Cadence.UNLABELLED;
        Instant minute = minute(node.get("minute"), problems);
        long good = count(node, "good", problems);
        long total = count(node, "total", problems);
        if (good > total) {
            problems.add("good: " + good + " is more than total " + total);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Instant end = minute.plusSeconds(MINUTE_SECONDS);
        return Optional.of(new MinuteCounts(slo, region, MinuteCounts.minuteOf(end), end, good, total - good, 0, 0));
    }

    private static String id(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || !Names.isId(value.asText())) {
            problems.add(field + ": must be a name of lower-case letters, digits and dashes, not " + value);
            return "";
        }
        return value.asText();
    }

    private static Instant minute(JsonNode value, List<String> problems) {
        if (value == null || !value.isTextual()) {
            problems.add("minute: must be the minute's start as an ISO-8601 instant like 2026-11-01T10:04:00Z, not " + value);
            return Instant.EPOCH;
        }
        try {
            Instant minute = Instant.parse(value.asText());
            if (minute.getEpochSecond() % MINUTE_SECONDS != 0 || minute.getNano() != 0) {
                problems.add("minute: " + value.asText() + " is not the start of a minute (seconds :00)");
            }
            return minute;
        } catch (DateTimeException e) {
            problems.add("minute: must be an ISO-8601 instant like 2026-11-01T10:04:00Z, not " + value);
            return Instant.EPOCH;
        }
    }

    private static long count(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || value.asLong() < 0) {
            problems.add(field + ": must be a whole number of events, 0 or more, not " + value);
            return 0;
        }
        return value.asLong();
    }
}
