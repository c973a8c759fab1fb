package org.probefleet.shop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fault to inject: which requests it matches (by path prefix, by the agent's region header and
 * by whether a probe or a real user sends them), what it does to them and, with {@code times}, how
 * many requests it hits before it is spent (0: no limit). Every key is optional; an empty list
 * matches everything.
 */
public record Chaos(Optional<Mode> mode, double errorRate, long latencyMs, List<String> regions, List<String> paths, int times,
                    Traffic traffic) {

    /** {@code error} answers HTTP 500; {@code silent} answers 200 with a page lacking its confirmation. */
    public enum Mode {
        ERROR, SILENT
    }

    /**
     * Whose requests a fault hits: everyone's (the default), only real users' (the silent failure
     * probes never see), or only probes' (a broken probe while users are fine).
     */
    public enum Traffic {
        ALL, USERS, PROBES
    }

    public static final Chaos NONE = new Chaos(Optional.empty(), 0, 0, List.of(), List.of(), 0, Traffic.ALL);
    static final long MAX_LATENCY_MS = 120_000;
    /** Enough for any scripted blip; a fault meant to last has no {@code times}. */
    static final int MAX_TIMES = 1_000_000;
    private static final Set<String> KEYS = Set.of("mode", "error_rate", "latency_ms", "regions", "paths", "times", "traffic");

    public Chaos {
        regions = List.copyOf(regions);
        paths = List.copyOf(paths);
    }

    /** Whether a request for {@code path} from {@code region} (null without the header), sent by a probe or not, is affected. */
    public boolean matches(String path, String region, boolean probe) {
        boolean regionMatches = regions.isEmpty() || (region != null && regions.contains(region));
        boolean pathMatches = paths.isEmpty() || paths.stream().anyMatch(prefix -> path.equals(prefix)
                || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
        boolean trafficMatches = traffic == Traffic.ALL || (traffic == Traffic.PROBES) == probe;
        return regionMatches && pathMatches && trafficMatches;
    }

    public boolean active() {
        return mode.isPresent() || latencyMs > 0;
    }

    /**
     * Reads a chaos request body, or throws {@link IllegalArgumentException} listing every bad field.
     */
    public static Chaos parse(JsonObject body) {
        List<String> problems = new ArrayList<>();
        for (String key : body.fieldNames()) {
            if (!KEYS.contains(key)) {
                problems.add("unknown field '" + key + "': expected mode, error_rate, latency_ms, regions, paths, times, traffic");
            }
        }
        Optional<Mode> mode = Optional.empty();
        Object rawMode = body.getValue("mode");
        if (rawMode != null) {
            if ("error".equals(rawMode)) {
                mode = Optional.of(Mode.ERROR);
            } else if ("silent".equals(rawMode)) {
                mode = Optional.of(Mode.SILENT);
            } else {
                problems.add("mode must be \"error\" or \"silent\", not '" + rawMode + "'");
            }
        }
        double rate = number(body, "error_rate", 1.0, 0, 1, problems);
        double latency = number(body, "latency_ms", 0, 0, MAX_LATENCY_MS, problems);
        double times = number(body, "times", 0, 0, MAX_TIMES, problems);
        if (times != Math.rint(times)) {
            problems.add("times must be a whole number, not " + body.getValue("times"));
        }
        Traffic traffic = Traffic.ALL;
        Object rawTraffic = body.getValue("traffic");
        if (rawTraffic != null) {
            traffic = switch (String.valueOf(rawTraffic)) {
                case "all" -> Traffic.ALL;
                case "users" -> Traffic.USERS;
                case "probes" -> Traffic.PROBES;
                default -> {
                    problems.add("traffic must be \"all\", \"users\" or \"probes\", not '" + rawTraffic + "'");
                    yield Traffic.ALL;
                }
            };
        }
        List<String> regions = strings(body, "regions", problems);
        List<String> paths = strings(body, "paths", problems);
        paths.stream().filter(path -> !path.startsWith("/"))
                .forEach(path -> problems.add("paths must start with /, not \"" + path + "\""));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Chaos(mode, rate, (long) latency, regions, paths, (int) times, traffic);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("active", active());
        mode.ifPresent(value -> json.put("mode", value.name().toLowerCase()));
        return json.put("error_rate", errorRate).put("latency_ms", latencyMs)
                .put("regions", new JsonArray(regions)).put("paths", new JsonArray(paths)).put("times", times)
                .put("traffic", traffic.name().toLowerCase());
    }

    private static double number(JsonObject body, String key, double fallback, double min, double max, List<String> problems) {
        Object value = body.getValue(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() < min || number.doubleValue() > max) {
            problems.add(key + " must be a number from " + format(min) + " to " + format(max) + ", not " + value);
            return fallback;
        }
        return number.doubleValue();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static List<String> strings(JsonObject body, String key, List<String> problems) {
        Object value = body.getValue(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(item -> item instanceof String)) {
            problems.add(key + " must be a list of strings, like [\"ap-south\"]");
            return List.of();
        }
        return array.stream().map(String.class::cast).toList();
    }
}
