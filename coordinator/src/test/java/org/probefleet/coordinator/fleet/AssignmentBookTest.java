package org.probefleet.coordinator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AssignmentBookTest {

    static final List<String> JOURNEYS = IntStream.range(0, 500).mapToObj(i -> "journey-" + i).toList();

    private final AssignmentBook book = new AssignmentBook();

    private List<String> of(String agent, String version, List<String> journeys, List<String> live) {
        return book.journeysOf(agent, "eu-west", version, () -> journeys, live);
    }

    /** Every live agent's journeys from the book, as {@link Assignments#assign} answers them. */
    private void assertSameAsFullSpread(String version, List<String> journeys, List<String> live) {
        Map<String, List<String>> full = Assignments.assign(journeys, live);
        for (String agent : live) {
            assertThat(of(agent, version, journeys, live)).as(agent + " among " + live).isEqualTo(full.get(agent));
        }
    }

    @Test
    @DisplayName("as agents join and leave, one by one and several at once, every agent's journeys are those of a full spread")
    void sameAsFullSpread() {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            live.add("agent-" + i);
            assertSameAsFullSpread("v1", JOURNEYS, live);
        }
        live.removeAll(List.of("agent-3", "agent-7", "agent-8"));
        assertSameAsFullSpread("v1", JOURNEYS, live);
        // One leaves and two come in the same change.
        live.remove("agent-0");
        live.addAll(List.of("agent-20", "agent-ünï"));
        assertSameAsFullSpread("v1", JOURNEYS, live);
    }

    @Test
    @DisplayName("new definitions spread their journeys afresh; a version seen before is not read again")
    void newDefinitions() {
        List<String> live = List.of("a", "b", "c");
        assertSameAsFullSpread("v1", JOURNEYS, live);
        List<String> fewer = JOURNEYS.subList(0, 40);

        assertSameAsFullSpread("v2", fewer, live);
        assertThat(book.journeysOf("a", "eu-west", "v2", () -> {
            throw new AssertionError("read again");
        }, live)).isEqualTo(Assignments.assign(fewer, live).get("a"));
    }

    @Test
    @DisplayName("an agent not yet live is counted in: it gets what it would run, and the others keep theirs until it is")
    void countedIn() {
        List<String> live = List.of("a", "b");
        assertSameAsFullSpread("v1", JOURNEYS, live);

        assertThat(of("newcomer", "v1", JOURNEYS, live)).isEqualTo(Assignments.assign(JOURNEYS, List.of("a", "b", "newcomer")).get("newcomer"));
        assertThat(of("alone", "v1", JOURNEYS, List.of())).isEqualTo(JOURNEYS.stream().sorted().toList());
    }
}
