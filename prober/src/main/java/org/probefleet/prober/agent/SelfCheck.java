package org.probefleet.prober.agent;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.probefleet.prober.browser.BrowserRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's check of itself, every minute: its browser renders a local page and the targets'
 * host names resolve. While it fails, failures are the agent's errors, not the targets'.
 */
public final class SelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SelfCheck.class);

    private final Supplier<Collection<String>> targets;
    private final Supplier<BrowserRunner> browser;
    private volatile Optional<String> problem = Optional.empty();

    /** @param browser the browser to check, giving null when the agent runs no browser journeys */
    public SelfCheck(Supplier<Collection<String>> targets, Supplier<BrowserRunner> browser) {
        this.targets = targets;
        this.browser = browser;
    }

    public boolean ok() {
        return problem.isEmpty();
    }

    public Optional<String> problem() {
        return problem;
    }

    /** Runs the check now, on the calling thread (the browser belongs to it). */
    public void run() {
        BrowserRunner runner = browser.get();
        Optional<String> found = runner == null ? Optional.empty() : runner.selfCheck().map(p -> "browser: " + p);
        if (found.isEmpty()) {
            for (String url : targets.get()) {
                String host = URI.create(url).getHost();
                if (host == null) {
                    continue;
                }
                try {
                    InetAddress.getByName(host);
                } catch (UnknownHostException e) {
                    found = Optional.of("DNS: " + host + " does not resolve from this agent");
                    break;
                }
            }
        }
        if (found.isPresent() && problem.isEmpty()) {
            LOG.error("self-check failing: {}; failures count as prober errors until it passes", found.get());
        } else if (found.isEmpty() && problem.isPresent()) {
            LOG.info("self-check passes again");
        }
        problem = found;
    }
}
