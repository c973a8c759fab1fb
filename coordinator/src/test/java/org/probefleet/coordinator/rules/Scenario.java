package org.probefleet.coordinator.rules;

import java.util.List;
import java.util.Set;

/**
 * One alerting scenario: the checkout journey runs once a minute from three regions for
 * {@code minutes}, each run as {@link #plan} says, judged by one SLO; and what it must and must
 * not raise. At each minute in {@code restarts} every agent restarts: its counters start over and,
 * like an agent that creates its counters on first use, it exposes no success series until a run
 * succeeds.
 */
record Scenario(String name, String target, String window, String latencyThreshold, int minutes, Plan plan, Set<Integer> restarts,
        Expect expect) {

    static final List<String> REGIONS = List.of("ap-south", "eu-west", "us-east");

    /** How one run went. */
    enum Run { GOOD, FAILED, SLOW }

    /** How each region's run of each minute goes. */
    interface Plan {
        Run run(String region, int minute);
    }

    /** What must happen: how many pages start, which regions may get a ticket and which must. */
    record Expect(int pages, Set<String> mayTicket, Set<String> mustTicket) {
        static final Expect NOTHING = new Expect(0, Set.of(), Set.of());

        /** One page; tickets from any region before and after it are fine (a long burn tickets after the page ends). */
        static Expect onePage() {
            return new Expect(1, Set.copyOf(REGIONS), Set.of());
        }
    }

    Scenario {
        restarts = Set.copyOf(restarts);
    }

    /** All regions fail, or are slow, from {@code from} (inclusive) to {@code to} (exclusive); good otherwise. */
    static Plan outage(Set<String> regions, int from, int to, Run bad) {
        return (region, minute) -> regions.contains(region) && minute >= from && minute < to ? bad : Run.GOOD;
    }

    /** The whole library: each failure mode that once raised the wrong thing, and the outages that must page. */
    static List<Scenario> library() {
        Set<String> all = Set.copyOf(REGIONS);
        return List.of(
                new Scenario("one blip", "0.994", "30d", null, 240, outage(Set.of("eu-west"), 90, 91, Run.FAILED), Set.of(), Expect.NOTHING),
                // A 2% error rate against a 99.9% target burns at 20x: it must page once, not flap as the quorum comes and goes.
                new Scenario("2% staggered", "0.999", "30d", null, 780,
                        (region, minute) -> minute >= 60 && minute < 720 && (minute + 17 * REGIONS.indexOf(region)) % 50 == 0 ? Run.FAILED : Run.GOOD,
                        Set.of(), Expect.onePage()),
                new Scenario("2% aligned", "0.999", "30d", null, 780,
                        (region, minute) -> minute >= 60 && minute < 720 && minute % 50 == 0 ? Run.FAILED : Run.GOOD,
                        Set.of(), Expect.onePage()),
                // 0.2% against 99.9% is a 2x burn, held by no page rule and confirmed in no region's short window.
                new Scenario("0.2% staggered", "0.999", "30d", null, 780,
                        (region, minute) -> minute >= 60 && (minute + 167 * REGIONS.indexOf(region)) % 500 == 0 ? Run.FAILED : Run.GOOD,
                        Set.of(), Expect.NOTHING),
                new Scenario("one region down", "0.994", "30d", null, 300, outage(Set.of("ap-south"), 120, 160, Run.FAILED), Set.of(),
                        new Expect(0, Set.of("ap-south"), Set.of("ap-south"))),
                new Scenario("all regions down", "0.994", "30d", null, 300, outage(all, 120, 150, Run.FAILED), Set.of(), Expect.onePage()),
                new Scenario("agent restart mid-outage", "0.994", "30d", null, 300, outage(all, 120, 180, Run.FAILED), Set.of(140),
                        Expect.onePage()),
                new Scenario("latency degradation", "0.994", "30d", "8s", 300, outage(all, 120, 160, Run.SLOW), Set.of(), Expect.onePage()),
                // A 7d SLO: a steady 0.8x burn raises nothing; then every region fails for 15 minutes and it pages.
                new Scenario("7d SLO", "0.999", "7d", null, 600,
                        (region, minute) -> minute >= 300 && minute < 315 ? Run.FAILED
                                : (minute + 700 * REGIONS.indexOf(region)) % 1250 == 0 ? Run.FAILED : Run.GOOD,
                        Set.of(), Expect.onePage()),
                // A 1d SLO at a steady 0.5x burn (one run in 200 fails) raises nothing; an outage pages.
                new Scenario("1d SLO", "0.99", "1d", null, 720,
                        (region, minute) -> minute >= 480 && minute < 500 ? Run.FAILED
                                : (minute + 67 * REGIONS.indexOf(region)) % 200 == 0 ? Run.FAILED : Run.GOOD,
                        Set.of(), Expect.onePage()));
    }
}
