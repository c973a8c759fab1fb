package org.probefleet.coordinator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;

/**
 * Decides whether a batch posted by an agent may be stored: shape, every field, the agent's
 * own region, and timestamps within what the engine can use. Pure: no I/O, time passed in.
 */
public final class BatchValidator {

    public static final int MAX_BATCH = 1000;
    /** Agents' clocks may run this far ahead of the coordinator's. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    /** Why a batch was refused: the HTTP status, a summary, and one line per bad field. */
    public record Rejection(int status, String message, List<String> problems) {
    }

    /** Either the outcomes to store or the reason not to store any of them. */
    public record Verdict(List<Outcome> outcomes, Optional<Rejection> rejection) {
        static Verdict reject(int status, String message, List<String> problems) {
            return new Verdict(List.of(), Optional.of(new Rejection(status, message, problems)));
        }
    }

    private final Duration maxAge;

    /** @param maxAge the oldest start time accepted: the longest SLO window plus a day */
    public BatchValidator(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public Verdict validate(JsonNode body, Tokens.Identity agent, Instant now) {
        if (body == null || !body.isArray()) {
            return Verdict.reject(400, "the body must be a JSON array of outcomes", List.of());
        }
        if (body.size() > MAX_BATCH) {
            return Verdict.reject(413, "a batch holds at most " + MAX_BATCH + " outcomes, this one " + body.size()
                    + ": send smaller batches", List.of());
        }
        List<String> problems = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String where = "outcomes[" + i + "]";
            Optional<Outcome> outcome = OutcomeJson.read(body.get(i), where, problems);
            if (outcome.isEmpty()) {
                continue;
            }
            Outcome one = outcome.get();
            if (!one.region().equals(agent.region()) || !one.agent().equals(agent.agent())) {
                foreign.add(where + ": agent " + one.agent() + " in " + one.region() + ", but the token belongs to "
                        + agent.agent() + " in " + agent.region());
            }
            if (one.startedAt().isAfter(now.plus(MAX_FUTURE))) {
                problems.add(where + ".startedAt: " + one.startedAt() + " is more than 5 minutes after the coordinator's time "
                        + now + ": check the agent's clock");
            } else if (one.startedAt().isBefore(now.minus(maxAge))) {
                problems.add(where + ".startedAt: " + one.startedAt() + " is older than the longest SLO window plus a day ("
                        + maxAge.toDays() + "d): it can no longer count");
            }
            outcomes.add(one);
        }
        if (!foreign.isEmpty()) {
            return Verdict.reject(403, "a token may only report its own agent and region", foreign);
        }
        if (!problems.isEmpty()) {
            return Verdict.reject(400, "the batch has " + problems.size() + " problem(s); nothing of it was stored", problems);
        }
        return new Verdict(outcomes, Optional.empty());
    }
}
