package org.probefleet.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.probefleet.journeys.model.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet bench soak}: agents posting through coordinator crashes and a full disk; exit 1 if an acknowledged outcome was lost. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"simulated agents post outcome batches to a coordinator process that is killed with -9 every --kill-every",
                "and restarted, with one episode in which its file writes fail (a full disk); then every acknowledged",
                "run id is read back. Exit 0 when none was lost and the disk episode was answered 503 and recovered, 1 otherwise."})
public final class SoakCommand implements Callable<Integer> {

    /** Reads 30s, 2m, 1h30m as the definitions do. */
    static final class DurationText implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            return Durations.parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a duration like 30s or 2m"));
        }
    }

    @Option(names = "--minutes", defaultValue = "30", description = "how long the agents post (default: ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--agents", defaultValue = "50", description = "simulated agents (default: ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--kill-every", defaultValue = "2m", converter = DurationText.class,
            description = "kill -9 the coordinator this often (default: ${DEFAULT-VALUE})")
    Duration killEvery;

    @Option(names = "--disk-for", defaultValue = "20s", converter = DurationText.class,
            description = "how long file writes fail, from 1.25 kill intervals in (default: ${DEFAULT-VALUE})")
    Duration diskFor;

    @Option(names = "--batch-every", defaultValue = "3s", converter = DurationText.class,
            description = "each agent posts a batch this often (default: ${DEFAULT-VALUE})")
    Duration batchEvery;

    @Option(names = "--batch-size", defaultValue = "10", description = "outcomes a batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--definitions", defaultValue = "journeys/examples",
            description = "the definitions the coordinator loads; the outcomes are checkout's (default: ${DEFAULT-VALUE})")
    Path definitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SoakBench.Settings settings = new SoakBench.Settings(agents, Duration.ofMinutes(minutes), killEvery, diskFor, batchEvery, batchSize,
                definitions);
        Optional<String> problem = settings.problem();
        if (problem.isPresent()) {
            spec.commandLine().getErr().println("bench soak: " + problem.get());
            spec.commandLine().getErr().flush();
            return 2;
        }
        return new SoakBench(settings).run(spec.commandLine().getOut()).passed() ? 0 : 1;
    }
}
