package org.probefleet.journeys.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;
import org.probefleet.journeys.model.Mode;
import org.probefleet.journeys.model.Schedule;
import org.probefleet.journeys.model.Step;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Origin;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a {@code journey:} document. */
public final class JourneyParser {

    public static final List<String> KEYS = List.of("journey", "description", "owner", "schedule", "regions", "timeout",
            "retries", "mode", "base_url", "kind", "steps", "class");
    static final int MAX_RETRIES = 5;
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private JourneyParser() {
    }

    /** The journey, or empty when the document has any problem (all of them reported). */
    public static Optional<Journey> parse(Section doc) {
        Diagnostics diagnostics = doc.diagnostics();
        int before = diagnostics.count();
        doc.allowOnly(KEYS);
        Node idNode = doc.node("journey").orElseThrow();
        Optional<String> id = Section.text(idNode, diagnostics, "journey").filter(text -> Ids.check(idNode, text, diagnostics, "journey id"));
        Kind kind = Choices.read(doc, "kind", Kind.class).orElse(Kind.BROWSER);
        Mode mode = Choices.read(doc, "mode", Mode.class).orElse(Mode.LIVE);
        Schedule schedule = doc.section("schedule").flatMap(JourneyParser::schedule)
                .orElse(new Schedule.Every(Journey.DEFAULT_INTERVAL, Journey.DEFAULT_INTERVAL));
        List<String> regions = new ArrayList<>();
        doc.list("regions").ifPresent(items -> items.forEach(item -> Section.text(item, diagnostics, "regions")
                .filter(region -> Ids.check(item, region, diagnostics, "region")).ifPresent(regions::add)));
        Duration timeout = doc.duration("timeout").orElse(Journey.DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            diagnostics.error(doc.node("timeout").orElseThrow(), "timeout must be more than 0s and at most 10m");
        }
        int retries = doc.integer("retries").orElse(0);
        if (retries < 0 || retries > MAX_RETRIES) {
            diagnostics.error(doc.node("retries").orElseThrow(), "retries must be from 0 to " + MAX_RETRIES + ", not " + retries);
        }
        Optional<String> baseUrl = doc.text("base_url");
        baseUrl.ifPresent(url -> Templates.check(doc.node("base_url").orElseThrow(), url, diagnostics, List.of()));
        Optional<String> javaClass = doc.text("class");
        Optional<List<Node>> stepNodes = doc.list("steps");
        List<Step> steps = stepNodes.map(nodes -> new StepParser(diagnostics, kind).parse(nodes)).orElse(List.of());
        checkBody(doc, kind, javaClass, stepNodes);
        if (id.isEmpty() || diagnostics.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Journey(id.get(), doc.text("description").orElse(""), doc.text("owner").orElse(""),
                schedule, regions, timeout, retries, mode, baseUrl, kind, steps, javaClass,
                Origin.of(diagnostics.file(), idNode)));
    }

    private static void checkBody(Section doc, Kind kind, Optional<String> javaClass, Optional<List<Node>> stepNodes) {
        Diagnostics diagnostics = doc.diagnostics();
        boolean hasSteps = doc.has("steps");
        if (javaClass.isPresent()) {
            Node at = doc.node("class").orElseThrow();
            if (hasSteps) {
                diagnostics.error(doc.keyNode("steps").orElseThrow(), "a journey has 'steps' or a 'class', not both");
            } else if (kind == Kind.HTTP) {
                diagnostics.error(at, "'class' names a browser journey written in Java; it cannot be kind: http");
            } else if (!javaClass.get().matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
                diagnostics.error(at, "'" + javaClass.get() + "' is not a Java class name like com.example.CheckoutJourney");
            }
        } else if (!hasSteps) {
            diagnostics.error(doc.at(), "journey has no 'steps' (or a 'class' for a Java journey)");
        } else if (stepNodes.map(List::isEmpty).orElse(false)) {
            diagnostics.error(doc.node("steps").orElseThrow(), "'steps' is empty: a journey needs at least one step");
        }
    }

    private static Optional<Schedule> schedule(Section fields) {
        Diagnostics diagnostics = fields.diagnostics();
        fields.allowOnly(List.of("every", "cron", "spread"));
        Optional<Duration> spread = fields.duration("spread");
        if (fields.has("every") == fields.has("cron")) {
            diagnostics.error(fields.at(), "a schedule has either 'every' (like 1m) or 'cron' (like \"0 */5 * * * ?\")");
            return Optional.empty();
        }
        if (fields.has("cron")) {
            return fields.text("cron").filter(expression -> {
                Optional<String> problem = Crons.problem(expression);
                problem.ifPresent(message -> diagnostics.error(fields.node("cron").orElseThrow(), message));
                return problem.isEmpty();
            }).map(expression -> new Schedule.Cron(expression, spread.orElse(Duration.ZERO)));
        }
        return fields.duration("every").filter(every -> {
            if (every.compareTo(Duration.ofSeconds(1)) < 0) {
                diagnostics.error(fields.node("every").orElseThrow(), "'every' must be at least 1s");
                return false;
            }
            if (spread.isPresent() && spread.get().compareTo(every) > 0) {
                diagnostics.error(fields.node("spread").orElseThrow(), "spread " + fields.text("spread").orElse("")
                        + " is longer than the interval; it must be at most 'every'");
                return false;
            }
            return true;
        }).map(every -> new Schedule.Every(every, spread.orElse(every)));
    }
}
