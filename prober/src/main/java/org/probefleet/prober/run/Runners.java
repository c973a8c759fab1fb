package org.probefleet.prober.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;
import org.probefleet.prober.browser.BrowserRunner;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.http.HttpRunner;

/** One browser runner and one HTTP runner for the calling thread, and the journey version both report. */
public final class Runners implements AutoCloseable {

    private final BrowserSettings browserSettings;
    private final Clock clock;
    private BrowserRunner browser;
    private HttpRunner http;

    public Runners(BrowserSettings browserSettings, Clock clock) {
        this.browserSettings = browserSettings;
        this.clock = clock;
    }

    public JourneyRunner forJourney(Journey journey) {
        if (journey.kind() == Kind.HTTP) {
            if (http == null) {
                http = new HttpRunner(clock);
            }
            return http;
        }
        return browser();
    }

    public BrowserRunner browser() {
        if (browser == null) {
            browser = new BrowserRunner(browserSettings, clock);
        }
        return browser;
    }

    /** A short, stable digest of the journey's definition: outcomes say which version of a script ran. */
    public static String version(Journey journey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    journey.withoutOrigin().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
