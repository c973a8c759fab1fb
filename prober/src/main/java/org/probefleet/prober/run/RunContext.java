package org.probefleet.prober.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how a run happens: the agent's region and name (sent as headers), an optional base
 * URL that replaces the journey's, the secrets, where artifacts go, and what evidence to record.
 */
public record RunContext(String region, String agent, Optional<String> baseUrl, Secrets secrets, Path artifactDir,
                         Evidence evidence) {

    public RunContext withEvidence(Evidence recorded) {
        return new RunContext(region, agent, baseUrl, secrets, artifactDir, recorded);
    }
}
