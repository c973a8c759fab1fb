package org.probefleet.prober.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;

/** The calling thread's runner for each journey kind, made on first use and closed together; and the journey version all report. */
public final class Runners implements AutoCloseable {

    private final RunnerRegistry registry;
    private final Map<Kind, JourneyRunner> made = new EnumMap<>(Kind.class);

    Runners(RunnerRegistry registry) {
        this.registry = registry;
    }

    public JourneyRunner forJourney(Journey journey) {
        return made.computeIfAbsent(journey.kind(), registry::create);
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
        made.values().forEach(JourneyRunner::close);
        made.clear();
    }
}
