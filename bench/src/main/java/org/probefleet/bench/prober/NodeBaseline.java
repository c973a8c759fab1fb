package org.probefleet.bench.prober;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.probefleet.prober.browser.BrowserSettings;

/**
 * The ecosystem's ceiling: the same checkout straight on playwright-core in Node, a fresh context
 * per run, one at a time, in the same Chromium with the same flags. Runs only where {@code node}
 * is on the PATH and resolves playwright-core; otherwise says how to get it.
 */
final class NodeBaseline {

    static final String ENABLE = "npm install -g playwright-core@1.58.0 (or playwright-core on NODE_PATH)";
    /** The script exits with this when node cannot resolve playwright-core. */
    private static final int NO_PLAYWRIGHT_CORE = 3;

    /** The loop's figures, or why there are none. */
    record Result(Optional<LoopStats> stats, String note) {
        static Result skipped(String why) {
            return new Result(Optional.empty(), "bare Node loop skipped: " + why + "; to enable it: " + ENABLE);
        }
    }

    private final String baseUrl;
    private final BrowserSettings browser;
    private final int runs;
    private final String searchPath;

    /** A loop of {@code runs} checkouts against {@code baseUrl}, with the {@code node} found on {@code searchPath} (a PATH value). */
    NodeBaseline(String baseUrl, BrowserSettings browser, int runs, String searchPath) {
        this.baseUrl = baseUrl;
        this.browser = browser;
        this.runs = runs;
        this.searchPath = searchPath;
    }

    Result run(Path folder) throws IOException, InterruptedException {
        Optional<Path> node = onPath("node");
        if (node.isEmpty()) {
            return Result.skipped("node is not on the PATH");
        }
        Path script = folder.resolve("bare-checkout.js");
        try (InputStream in = NodeBaseline.class.getResourceAsStream("bare-checkout.js")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path output = folder.resolve("bare-checkout.out");
        Path errors = folder.resolve("bare-checkout.err");
        Process process = new ProcessBuilder(node.get().toString(), script.toString(), arguments())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        // A checkout takes about a second; a loop still running after 30 s a run has hung.
        if (!process.waitFor(30L * (runs + CheckoutLoops.WARM_UP) + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(Optional.empty(), "bare Node loop did not finish in time; see " + errors);
        }
        if (process.exitValue() == NO_PLAYWRIGHT_CORE) {
            return Result.skipped("node (" + node.get() + ") cannot resolve playwright-core");
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
            return new Result(Optional.empty(), "bare Node loop failed (exit " + process.exitValue() + "): "
                    + (lines.isEmpty() ? "no message" : lines.get(0)));
        }
        JsonNode measured = new ObjectMapper().readTree(output.toFile());
        List<Long> millis = new ArrayList<>();
        measured.get("millis").forEach(value -> millis.add(Math.round(value.asDouble())));
        return new Result(Optional.of(LoopStats.of(millis)), "bare Node loop: playwright-core " + measured.path("playwright").asText("?")
                + " in " + node.get());
    }

    private String arguments() throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("chromium", browser.executable().orElseThrow().toString());
        settings.put("args", browser.args());
        settings.put("baseUrl", baseUrl);
        settings.put("email", BenchJourneys.EMAIL);
        settings.put("card", BenchJourneys.CARD);
        settings.put("warmUp", CheckoutLoops.WARM_UP);
        settings.put("runs", runs);
        return new ObjectMapper().writeValueAsString(settings);
    }

    private Optional<Path> onPath(String program) {
        for (String directory : searchPath.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
