package org.probefleet.prober.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the agent's Chromium is launched and how long a single step may wait by default. */
public record BrowserSettings(Optional<Path> executable, List<String> args, Duration stepTimeout) {

    /** Flags for a headless Chromium on a locked-down host: no sandbox (containers, root), no background traffic. */
    public static final List<String> DEFAULT_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage");
    /** A step waits at most this long (or what remains of the journey's timeout, if less). */
    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(15);

    public BrowserSettings {
        args = List.copyOf(args);
    }

    public static BrowserSettings defaults(Optional<String> chromium) {
        return new BrowserSettings(ChromiumLocator.find(chromium), DEFAULT_ARGS, DEFAULT_STEP_TIMEOUT);
    }
}
