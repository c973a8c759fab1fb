package org.probefleet.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fleet benchmark's definitions: N small HTTP journeys, each run once a minute in every region, each with an SLO. */
final class FleetDefinitions {

    private FleetDefinitions() {
    }

    /** The journey ids, in order: {@code j00001}… */
    static List<String> ids(int journeys) {
        List<String> ids = new ArrayList<>(journeys);
        for (int i = 1; i <= journeys; i++) {
            ids.add(String.format("j%05d", i));
        }
        return ids;
    }

    /** Writes one journey file and one SLO file per id into {@code folder}. */
    static void write(Path folder, List<String> ids) throws IOException {
        Files.createDirectories(folder);
        for (String id : ids) {
            Files.writeString(folder.resolve(id + ".yaml"), """
                    journey: %s
                    description: Generated for the fleet benchmark
                    owner: bench-team
                    schedule: { every: 1m }
                    timeout: 10s
                    kind: http
                    base_url: http://127.0.0.1:9
                    steps:
                      - name: home
                        request: { method: GET, path: / }
                        expect: { status: 200 }
                    """.formatted(id));
            Files.writeString(folder.resolve(id + "-slo.yaml"), """
                    slo:
                      name: %s-availability
                      indicator: { journey: %s, latency_threshold: 2s }
                      target: 0.99
                      window: 30d
                    """.formatted(id, id));
        }
    }
}
