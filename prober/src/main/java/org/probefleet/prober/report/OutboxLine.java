package org.probefleet.prober.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Optional;
import java.util.zip.CRC32;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;

/** One outbox record: {@code crc32 json} on a line, so a torn or flipped record is recognised, not delivered. */
final class OutboxLine {

    /** The outbox's own mapper, for its records and its dead-letter file. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutboxLine() {
    }

    static byte[] encode(Outcome outcome) {
        byte[] json = OutcomeJson.write(outcome).toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        return (String.format("%08x ", crc.getValue()) + new String(json, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The outcome on a line, or empty when its checksum or JSON does not match. */
    static Optional<Outcome> decode(String line) {
        int space = line.indexOf(' ');
        if (space != 8) {
            return Optional.empty();
        }
        byte[] json = line.substring(9).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        if (!String.format("%08x", crc.getValue()).equals(line.substring(0, 8))) {
            return Optional.empty();
        }
        try {
            return OutcomeJson.read(MAPPER.readTree(json), "", new ArrayList<>());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A dead-letter record: the outcome and why the receiver refused it for good. */
    static String deadLetter(Outcome outcome, String reason) {
        ObjectNode line = MAPPER.createObjectNode().put("reason", reason);
        line.set("outcome", OutcomeJson.write(outcome));
        return line.toString();
    }
}
