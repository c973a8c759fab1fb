package org.probefleet.journeys;

import com.microsoft.playwright.Page;

/**
 * A browser journey written in Java, for flows YAML cannot express. Reference it from a journey
 * file with {@code class: com.example.CheckoutJourney}; put its jar on the agent's classpath.
 * A script recorded with {@code playwright codegen --target java} pastes into {@link #run}:
 * wrap each block in {@code steps.step("name", () -> ...)} to time and report it.
 */
public interface BrowserJourney {

    /** Drives {@code page} (already carrying the region header and base URL); throw to fail. */
    void run(Page page, Steps steps) throws Exception;
}
