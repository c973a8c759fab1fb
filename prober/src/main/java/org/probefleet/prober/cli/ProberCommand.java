package org.probefleet.prober.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.probefleet.journeys.model.Names;
import org.probefleet.wire.client.Backoff;
import org.probefleet.wire.client.CoordinatorClient;
import org.probefleet.prober.agent.ProberAgent;
import org.probefleet.prober.browser.BrowserSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet prober}: runs an agent until SIGINT or SIGTERM. */
@Command(name = "prober", mixinStandardHelpOptions = true,
        description = {"Run a prober agent for one region: it runs the region's journeys on their",
                "schedules, keeps every outcome in a durable outbox and delivers it to the coordinator.",
                "Journeys come from --definitions, or from the coordinator's assignments."})
public final class ProberCommand implements Callable<Integer> {

    @Option(names = "--region", required = true, description = "the region this agent probes from, e.g. eu-west")
    String region;

    @Option(names = "--coordinator", required = true, paramLabel = "URL[,URL]",
            description = {"the coordinator, e.g. http://localhost:8080; the coordinators of a group separated by commas:",
                    "the agent reports to the first that answers and moves on when it does not"})
    String coordinator;

    @Option(names = "--token-file", paramLabel = "FILE", description = "this agent's token (or env PROBEFLEET_TOKEN)")
    Path tokenFile;

    @Option(names = "--definitions", paramLabel = "DIR", description = "run these journeys instead of the coordinator's assignments")
    Path definitions;

    @Option(names = "--agent", paramLabel = "NAME", description = "this agent's name (default: the one its token belongs to)")
    String agent;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "outbox and artifacts (default: data/prober-REGION)")
    Path dataDir;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address of /metrics and /healthz (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--metrics-port", defaultValue = "9470", description = "port of /metrics and /healthz (default: ${DEFAULT-VALUE}; 0 picks one)")
    int metricsPort;

    @Option(names = "--browser-slots", description = "browser runs at once (default: the number of cores)")
    Integer browserSlots;

    @Option(names = "--http-slots", defaultValue = "8", description = "HTTP runs at once (default: ${DEFAULT-VALUE})")
    int httpSlots;

    @Option(names = "--poll", defaultValue = "10s", description = "heartbeat and assignment poll interval (default: ${DEFAULT-VALUE})")
    String poll;

    @Mixin
    RunnerOptions runner;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!runner.installClasspath(spec.commandLine().getErr(), "prober")) {
            return 2;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!Names.isId(region)) {
            return fail(err, "--region '" + region + "' must be lower-case letters, digits and dashes, like eu-west");
        }
        Optional<String> token;
        if (tokenFile != null) {
            if (!Files.isReadable(tokenFile)) {
                return fail(err, "--token-file " + tokenFile + " cannot be read");
            }
            token = Optional.of(Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
        } else {
            token = Optional.ofNullable(System.getenv("PROBEFLEET_TOKEN")).map(String::trim);
        }
        if (token.isEmpty() || token.get().isEmpty()) {
            return fail(err, "give this agent's token with --token-file FILE or PROBEFLEET_TOKEN");
        }
        Optional<Duration> interval = org.probefleet.journeys.model.Durations.parse(poll).filter(d -> !d.isZero());
        if (interval.isEmpty()) {
            return fail(err, "--poll '" + poll + "' must be a duration like 10s");
        }
        if (definitions != null && !Files.isDirectory(definitions)) {
            return fail(err, "--definitions " + definitions + " is not a folder");
        }
        BrowserSettings browser = runner.browser();
        int slots = browserSlots != null ? browserSlots : Runtime.getRuntime().availableProcessors();
        ProberAgent.Settings settings = new ProberAgent.Settings(region, Optional.ofNullable(agent),
                CoordinatorClient.urls(coordinator), token.get(), Optional.ofNullable(definitions),
                dataDir != null ? dataDir : Path.of("data", "prober-" + region), bind, metricsPort, Math.max(1, slots),
                Math.max(1, httpSlots), browser, runner.secrets(),
                interval.get(), Backoff.DEFAULT);
        if (browser.executable().isEmpty()) {
            err.println("prober: warning: " + org.probefleet.prober.browser.ChromiumLocator.INSTALL_HINT
                    + "; browser journeys will report prober errors");
            err.flush();
        }
        ProberAgent running = ProberAgent.start(settings, Clock.systemUTC());
        System.out.printf("Agent %s in %s reporting to %s  (metrics: http://%s:%d/metrics; Ctrl-C stops)%n", running.name(), region,
                coordinator, bind, running.metricsPort());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "agent-shutdown"));
        stopped.await();
        return 0;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("prober: " + message);
        err.flush();
        return 2;
    }
}
