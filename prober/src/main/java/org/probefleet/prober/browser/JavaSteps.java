package org.probefleet.prober.browser;

import java.util.List;
import java.util.function.UnaryOperator;
import org.probefleet.journeys.Steps;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;
import org.probefleet.prober.run.Failures;

/** Times and records the steps of a Java journey; remembers the step that was running when one failed. */
final class JavaSteps implements Steps {

    private final List<StepResult> results;
    private final UnaryOperator<Throwable> judge;
    private String current;

    /** @param judge turns the browser's own breakage into a prober fault before a failed step is classified */
    JavaSteps(List<StepResult> results, UnaryOperator<Throwable> judge) {
        this.results = results;
        this.judge = judge;
    }

    @Override
    public void step(String name, Action action) throws Exception {
        current = name;
        long start = System.nanoTime();
        try {
            action.run();
        } catch (Exception | Error e) {
            results.add(new StepResult(name, (System.nanoTime() - start) / 1_000_000, Failures.classify(judge.apply(e))));
            throw e;
        }
        results.add(new StepResult(name, (System.nanoTime() - start) / 1_000_000, OutcomeStatus.SUCCESS));
        current = null;
    }

    String current() {
        return current;
    }
}
