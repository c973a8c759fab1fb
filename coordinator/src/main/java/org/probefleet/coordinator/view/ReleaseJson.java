package org.probefleet.coordinator.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.probefleet.coordinator.budget.BudgetLedger;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.release.DeployImpact;
import org.probefleet.coordinator.release.PullRequestReview;
import org.probefleet.coordinator.release.ReleaseEstimate;

/** The JSON shapes of deploy markers, what they did to an SLO, release estimates, pull-request reviews and budget ledgers. */
public final class ReleaseJson {

    private ReleaseJson() {
    }

    /** {@code {"id", "version", "at", "by", "link", "slos": [], "services": []}}; link is null when none was given. */
    public static ObjectNode deploy(Deploy deploy) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", deploy.id().toString()).put("version", deploy.version())
                .put("at", deploy.at().toString()).put("by", deploy.by());
        deploy.link().ifPresentOrElse(link -> json.put("link", link), () -> json.putNull("link"));
        ArrayNode slos = json.putArray("slos");
        deploy.slos().forEach(slos::add);
        ArrayNode services = json.putArray("services");
        deploy.services().forEach(services::add);
        return json;
    }

    /** The deploy with what it did to one SLO: budget shares of its first hour and day, the error-rate multiple and the sentence. */
    public static ObjectNode impact(String slo, DeployImpact impact, long budgetEvents, double errorBudget) {
        ObjectNode json = deploy(impact.deploy());
        ObjectNode effect = json.putObject("impact");
        effect.put("slo", slo).put("first_hour_budget", DeployImpact.share(impact.firstHour(), budgetEvents, errorBudget))
                .put("first_day_budget", DeployImpact.share(impact.firstDay(), budgetEvents, errorBudget))
                .put("first_hour_complete", impact.hourComplete()).put("first_day_complete", impact.dayComplete());
        impact.multiple().ifPresentOrElse(multiple -> effect.put("error_rate_multiple", multiple), () -> effect.putNull("error_rate_multiple"));
        effect.put("sentence", impact.sentence(slo, budgetEvents, errorBudget));
        return json;
    }

    /**
     * Shares are ratios of the SLO's budget (0.05 = 5%); {@code after_p90} is the consumed share after a p90 release;
     * {@code error_rate_multiple} is null when past releases followed error-free hours.
     */
    public static ObjectNode estimate(ReleaseEstimate estimate) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("slo", estimate.slo()).put("releases", estimate.releases())
                .put("from_history", estimate.fromHistory()).put("min_releases", ReleaseEstimate.MIN_RELEASES);
        estimate.multiple().ifPresentOrElse(multiple -> json.set("error_rate_multiple", spread(multiple)), () -> json.putNull("error_rate_multiple"));
        json.set("first_hour_budget", spread(estimate.firstHour()));
        json.set("first_day_budget", spread(estimate.firstDay()));
        json.put("consumed", estimate.consumed()).put("after_p90", estimate.afterP90()).put("state_after_p90", estimate.stateAfterP90().name())
                .put("releases_after_p90", estimate.stateAfterP90().releases().name().toLowerCase(Locale.ROOT))
                .put("p90_blocks", estimate.p90Blocks()).put("sentence", estimate.sentence());
        return json;
    }

    /** {@code {"labels", "blocked", "touched": [{slo, state, releases, releases_allowed, remaining, files, estimate}], "checklist"}}. */
    public static ObjectNode review(PullRequestReview review) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        review.labels().forEach(json.putArray("labels")::add);
        json.put("blocked", review.exitCode() == PullRequestReview.BLOCKED);
        ArrayNode touched = json.putArray("touched");
        for (PullRequestReview.Touched one : review.touched()) {
            PullRequestReview.Standing slo = one.standing();
            ObjectNode item = touched.addObject().put("slo", slo.slo()).put("state", slo.state()).put("releases", slo.releases())
                    .put("releases_allowed", slo.releasesAllowed()).put("remaining", slo.remaining());
            one.files().forEach(item.putArray("files")::add);
            item.put("estimate", slo.estimate());
        }
        ArrayNode checklist = json.putArray("checklist");
        if (!review.touched().isEmpty()) {
            PullRequestReview.CHECKLIST.forEach(check -> {
                ObjectNode section = checklist.addObject().put("title", check.title()).put("when", check.when());
                check.questions().forEach(section.putArray("questions")::add);
            });
        }
        return json;
    }

    /**
     * {@code {"consumed", "remaining", "bad", "causes", "by_region", "by_step", "with_data_seconds", "last_day", "forecast", "sentence"}};
     * each breakdown is {@code [{name, bad, share}]} and adds up to {@code consumed}.
     */
    public static ObjectNode ledger(String slo, BudgetLedger ledger) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("slo", slo).put("consumed", ledger.consumed())
                .put("remaining", ledger.remaining()).put("bad", ledger.bad());
        lines(json.putArray("causes"), ledger.causes());
        lines(json.putArray("by_region"), ledger.byRegion());
        lines(json.putArray("by_step"), ledger.byStep());
        return json.put("with_data_seconds", ledger.withData().toSeconds()).put("window_seconds", ledger.window().toSeconds())
                .put("last_day", ledger.lastDay()).put("forecast", ledger.forecast()).put("sentence", ledger.sentence());
    }

    private static void lines(ArrayNode array, java.util.List<BudgetLedger.Line> lines) {
        lines.forEach(line -> array.addObject().put("name", line.name()).put("bad", line.bad()).put("share", line.share()));
    }

    private static ObjectNode spread(ReleaseEstimate.Spread spread) {
        return JsonNodeFactory.instance.objectNode().put("median", spread.median()).put("p90", spread.p90());
    }
}
