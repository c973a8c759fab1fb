package org.probefleet.prober.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.prober.Shop;
import org.probefleet.prober.cli.ProberCli;

/**
 * A canary secret, filled into the checkout form, must appear nowhere: not in the output or the
 * logs of a real agent process, not in the outcome, not inside any trace file.
 */
class SecretLeakTest {

    static final String CANARY = "canary-5e1f9@probefleet.test";

    @Test
    @DisplayName("the canary email appears nowhere in output, logs, outcomes or traces, passing or failing")
    void canaryNeverLeaks(@TempDir Path folder) throws Exception {
        try (Shop shop = new Shop()) {
            String passing = run(folder.resolve("pass"), shop, "--json");
            shop.chaos("{\"mode\":\"silent\"}");
            String failing = run(folder.resolve("fail"), shop);
            String failingJson = run(folder.resolve("fail-json"), shop, "--json");

            assertThat(passing).contains("\"status\" : \"success\"").doesNotContain(CANARY);
            assertThat(failing).contains("FAILED at step \"confirmed\"").doesNotContain(CANARY);
            assertThat(failingJson).contains("\"status\" : \"failure\"").doesNotContain(CANARY);
        }
        List<Path> traces;
        try (Stream<Path> files = Files.walk(folder)) {
            traces = files.filter(path -> path.toString().endsWith(".zip")).toList();
        }
        assertThat(traces).hasSizeGreaterThanOrEqualTo(3);
        for (Path trace : traces) {
            assertThat(entries(trace)).as(trace.toString()).noneMatch(text -> text.contains(CANARY) || text.contains("canary-5e1f9%40"));
        }
    }

    /** Runs {@code fleet run} as its own process, logging at debug, with the canary in its environment; returns all it printed. */
    private static String run(Path artifacts, Shop shop, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-cp", System.getProperty("java.class.path"), ProberCli.class.getName(),
                "run", "../journeys/examples/checkout.yaml", "--base-url", shop.url(), "--artifacts", artifacts.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CHECKOUT_EMAIL", CANARY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> texts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                texts.add(new String(read(in), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }
}
