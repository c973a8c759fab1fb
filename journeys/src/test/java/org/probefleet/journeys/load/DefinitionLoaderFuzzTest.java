package org.probefleet.journeys.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.yaml.Problem;

/**
 * Property: one mutated example file among the others never makes the loader throw, every
 * problem is placed inside its file, and every definition of the untouched files still loads
 * unless a problem in that file says why (it names something the mutated file defined).
 */
class DefinitionLoaderFuzzTest {

    /** Past this, the remaining tries pass without loading: a slow machine runs fewer tries, never a longer build. */
    static final Duration BUDGET = Duration.ofSeconds(15);
    /** What SnakeYAML takes as a line break; problems count lines by these. */
    static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");
    static final Pattern KEY_VALUE = Pattern.compile("^(\\s*-?\\s*)([A-Za-z_]+):(.*)$", Pattern.MULTILINE);

    /** One change to a file's text, named for the report of a failing try. */
    record Mutation(String name, UnaryOperator<String> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<SourceFile> EXAMPLES = DefinitionLoader.readFolder(ExamplesTest.EXAMPLES);
    long started;

    @BeforeProperty
    void start() {
        started = System.nanoTime();
    }

    @Property(tries = 200)
    void mutatedFilesNeverBreakTheLoaderOrTheOtherFiles(@ForAll("files") int mutated, @ForAll("mutations") List<Mutation> mutations) {
        if (System.nanoTime() - started > BUDGET.toNanos()) {
            return;
        }
        List<SourceFile> files = new ArrayList<>(EXAMPLES);
        SourceFile original = files.get(mutated);
        String text = original.text();
        for (Mutation mutation : mutations) {
            text = mutation.change().apply(text);
        }
        files.set(mutated, new SourceFile(original.name(), text));

        LoadResult result = DefinitionLoader.load(files);

        Map<String, String> texts = files.stream().collect(Collectors.toMap(SourceFile::name, SourceFile::text));
        for (Problem problem : result.problems()) {
            assertThat(texts).as(problem.toString()).containsKey(problem.file());
            String[] lines = LINE_BREAK.split(texts.get(problem.file()), -1);
            assertThat(problem.line()).as(problem.toString()).isBetween(1, lines.length + 1);
            int length = problem.line() <= lines.length ? lines[problem.line() - 1].length() : 0;
            assertThat(problem.column()).as(problem.toString()).isBetween(1, length + 1);
        }
        Definitions baseline = DefinitionLoader.load(EXAMPLES).definitions();
        Set<String> explained = result.problems().stream().map(Problem::file).collect(Collectors.toSet());
        List<String> dependents = dependents(baseline, original.name());
        for (SourceFile file : EXAMPLES) {
            if (file == original || explained.contains(file.name())) {
                continue;
            }
            List<String> expected = new ArrayList<>(names(baseline, file.name()));
            expected.removeAll(dependents);
            assertThat(names(result.definitions(), file.name())).as("definitions of untouched " + file.name()).containsAll(expected);
        }
    }

    /**
     * SLOs that measure a journey or follow a policy defined in {@code file}: when that file is
     * broken they are left out, and the problem is reported in the file that broke.
     */
    static List<String> dependents(Definitions definitions, String file) {
        return definitions.slos().stream().filter(slo -> definitions.journey(slo.indicator().subject())
                        .map(journey -> journey.origin().file().equals(file)).orElse(false)
                        || definitions.policies().stream().anyMatch(policy -> policy.name().equals(slo.policy()) && policy.origin() != null
                        && policy.origin().file().equals(file)))
                .map(slo -> "slo " + slo.name()).toList();
    }

    /** What a file defines, as {@code journey checkout}, {@code slo …}, {@code policy …}. */
    static List<String> names(Definitions definitions, String file) {
        return Stream.of(
                definitions.journeys().stream().filter(j -> j.origin().file().equals(file)).map(j -> "journey " + j.id()),
                definitions.slos().stream().filter(s -> s.origin().file().equals(file)).map(s -> "slo " + s.name()),
                definitions.policies().stream().filter(p -> p.origin() != null && file.equals(p.origin().file())).map(p -> "policy " + p.name()))
                .flatMap(s -> s).toList();
    }

    @Provide
    Arbitrary<Integer> files() {
        return Arbitraries.integers().between(0, EXAMPLES.size() - 1);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.oneOf(deleteLine(), indent(), insertText(), renameKey(), swapValues()).list().ofMinSize(1).ofMaxSize(4);
    }

    Arbitrary<Mutation> deleteLine() {
        return Arbitraries.integers().between(0, 200).map(at -> new Mutation("delete line " + at, text -> {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            lines.remove(at % lines.size());
            return String.join("\n", lines);
        }));
    }

    Arbitrary<Mutation> indent() {
        return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.of("", " ", "   ", "\t", "        ", "- "))
                .as((at, prefix) -> new Mutation("indent line " + at + " with '" + prefix + "'", text -> {
                    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                    int line = at % lines.size();
                    lines.set(line, prefix + lines.get(line).stripLeading());
                    return String.join("\n", lines);
                }));
    }

    Arbitrary<Mutation> insertText() {
        Arbitrary<String> inserted = Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6),
                Arbitraries.of(":", "- ", "{", "[", "]", "&a", "*a", "!!python/object:x", "---\n", "\t", "\"", "'", "#", "%", "@", "\u0000",
                        "\r", "\u2028", "\ufeff", "\ud800", "\ud83d\ude00", "<<: *a"));
        return Combinators.combine(Arbitraries.integers().between(0, 5000), inserted).as((at, what) -> new Mutation(
                "insert " + escape(what) + " at " + at, text -> {
                    int position = at % (text.length() + 1);
                    return text.substring(0, position) + what + text.substring(position);
                }));
    }

    Arbitrary<Mutation> renameKey() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("journey", "slo", "policy", "steps", "schedule", "shedule", "target", "name", "indicator", "window"));
        return Combinators.combine(Arbitraries.integers().between(0, 200), names).as((at, name) -> new Mutation(
                "rename key " + at + " to " + name, text -> {
                    List<MatchResult> keys = keys(text);
                    if (keys.isEmpty()) {
                        return text;
                    }
                    MatchResult key = keys.get(at % keys.size());
                    return text.substring(0, key.keyStart()) + name + text.substring(key.keyEnd());
                }));
    }

    Arbitrary<Mutation> swapValues() {
        return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 200)).as((a, b) -> new Mutation(
                "swap values " + a + " and " + b, text -> {
                    List<MatchResult> keys = keys(text);
                    if (keys.size() < 2) {
                        return text;
                    }
                    MatchResult first = keys.get(a % keys.size());
                    MatchResult second = keys.get(b % keys.size());
                    if (first.valueStart() == second.valueStart()) {
                        return text;
                    }
                    MatchResult earlier = first.valueStart() < second.valueStart() ? first : second;
                    MatchResult later = earlier == first ? second : first;
                    return text.substring(0, earlier.valueStart()) + later.value(text) + text.substring(earlier.valueEnd(), later.valueStart())
                            + earlier.value(text) + text.substring(later.valueEnd());
                }));
    }

    /** Where a {@code key: value} line's key and value are. */
    record MatchResult(int keyStart, int keyEnd, int valueStart, int valueEnd) {
        String value(String text) {
            return text.substring(valueStart, valueEnd);
        }
    }

    static List<MatchResult> keys(String text) {
        List<MatchResult> keys = new ArrayList<>();
        Matcher matcher = KEY_VALUE.matcher(text);
        while (matcher.find()) {
            keys.add(new MatchResult(matcher.start(2), matcher.end(2), matcher.start(3), matcher.end(3)));
        }
        return keys;
    }

    static String escape(String text) {
        return text.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : Character.toString(c))
                .collect(Collectors.joining());
    }
}
