package org.probefleet.wire.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.load.SourceFile;

class MessagesTest {

    @Test
    @DisplayName("a heartbeat reads back as it was written, with the field names agents have always sent")
    void heartbeatRoundTrips() throws Exception {
        HeartbeatRequest heartbeat = new HeartbeatRequest("0.1.0", 2, false, 17, 250, 3);

        String json = Messages.write(heartbeat).toString();

        assertThat(json).isEqualTo("{\"version\":\"0.1.0\",\"capacity\":2,\"selfCheck\":\"failing\",\"outboxDepth\":17,"
                + "\"scheduleLagMs\":250,\"missedRuns\":3}");
        assertThat(Messages.readHeartbeat(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(heartbeat);
    }

    @Test
    @DisplayName("a heartbeat from an older agent takes defaults for what it leaves out; an empty one says nothing")
    void heartbeatDefaults() throws Exception {
        assertThat(Messages.readHeartbeat("{\"capacity\": 4}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new HeartbeatRequest("unknown", 4, true, 0, 0, 0));
        assertThat(Messages.readHeartbeat(new byte[0])).isEqualTo(HeartbeatRequest.UNKNOWN);
    }

    @Test
    @DisplayName("a heartbeat that is not a JSON object is refused with what was expected")
    void heartbeatRefused() {
        assertThatThrownBy(() -> Messages.readHeartbeat("{nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class).hasMessage("the heartbeat is not JSON");
        assertThatThrownBy(() -> Messages.readHeartbeat("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessage("the heartbeat must be a JSON object like {\"version\": \"0.1.0\", \"capacity\": 2}");
    }

    @Test
    @DisplayName("the heartbeat answer reads back as it was written, with the journeys to confirm")
    void heartbeatAnswerRoundTrips() throws Exception {
        HeartbeatAnswer answer = new HeartbeatAnswer("eu-west-1", "eu-west", 90, "3f2a", List.of("checkout"));

        String json = Messages.write(answer).toString();

        assertThat(json).isEqualTo("{\"agent\":\"eu-west-1\",\"region\":\"eu-west\",\"heartbeat_timeout_seconds\":90,"
                + "\"definitions_version\":\"3f2a\",\"confirm\":[\"checkout\"]}");
        assertThat(Messages.readHeartbeatAnswer(json)).isEqualTo(answer);
    }

    @Test
    @DisplayName("assignments read back as they were written: every file, and this agent's journeys")
    void assignmentsRoundTrip() throws Exception {
        AgentAssignments assignments = new AgentAssignments("eu-west-1", "eu-west", "3f2a", List.of("checkout", "login"),
                List.of(new SourceFile("checkout.yaml", "journey: checkout\n"), new SourceFile("slos/checkout.yaml", "slo: x\n")));

        String json = Messages.write(assignments).toString();

        assertThat(json).isEqualTo("{\"agent\":\"eu-west-1\",\"region\":\"eu-west\",\"definitions_version\":\"3f2a\","
                + "\"journeys\":[\"checkout\",\"login\"],\"files\":[{\"name\":\"checkout.yaml\",\"content\":\"journey: checkout\\n\"},"
                + "{\"name\":\"slos/checkout.yaml\",\"content\":\"slo: x\\n\"}]}");
        assertThat(Messages.readAssignments(json)).isEqualTo(assignments);
    }

    @Test
    @DisplayName("the ingest answer reads back as it was written")
    void ingestAnswerRoundTrips() throws Exception {
        IngestAnswer answer = new IngestAnswer(98, 2);

        String json = Messages.write(answer).toString();

        assertThat(json).isEqualTo("{\"accepted\":98,\"duplicates\":2}");
        assertThat(Messages.readIngestAnswer(json)).isEqualTo(answer);
    }
}
