package org.probefleet.bench.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.probefleet.bench.soak.CoordinatorChild;
import org.probefleet.prober.cli.ProberCli;

/**
 * A real prober agent for one region, in a JVM of its own as {@code fleet prober} runs it, with
 * the default heartbeat and assignment poll: it takes its journeys from the coordinator.
 */
final class AgentChild implements AutoCloseable {

    private final Process process;

    private AgentChild(Process process) {
        this.process = process;
    }

    static AgentChild start(Path folder, String region, String coordinator, Path tokenFile) throws IOException {
        Path data = Files.createDirectories(folder.resolve("agent-" + region));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", CoordinatorChild.classpath(), ProberCli.class.getName(), "prober", "--region", region, "--coordinator", coordinator,
                "--token-file", tokenFile.toString(), "--data-dir", data.toString(), "--metrics-port", "0");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("agent-" + region + ".log").toFile()).directory(folder.toFile());
        // HTTP journeys only: the agent must not fetch a browser.
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return new AgentChild(builder.start());
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
