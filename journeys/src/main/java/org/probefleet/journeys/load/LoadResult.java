package org.probefleet.journeys.load;

import java.util.List;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.yaml.Problem;

/** Every valid definition and every problem of a set of files: a bad file never hides the good ones. */
public record LoadResult(Definitions definitions, List<Problem> problems) {

    public LoadResult {
        problems = problems.stream().sorted().toList();
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
