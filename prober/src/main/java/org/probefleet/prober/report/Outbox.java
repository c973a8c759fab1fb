package org.probefleet.prober.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable queue of outcomes on disk. An outcome is recorded once its line is fsynced; the
 * delivered position is itself fsynced, so a restart resumes exactly where delivery stopped.
 * Lines are {@code crc32 json}; a corrupt or torn line is moved to {@code quarantine.jsonl}
 * with a log line and the rest are delivered. The disk it may use is bounded.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final long SEGMENT_BYTES = 4L * 1024 * 1024;
    /** Warn once the outbox holds this share of its bound. */
    static final double WARN_AT = 0.8;

    /** Where delivery stands: a segment and a byte offset in it. */
    public record Position(long segment, long offset) {
    }

    /** A recorded outcome and the position just after it. */
    public record Entry(Outcome outcome, Position next) {
    }

    private final Path folder;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel writer;
    private long writeSegment;
    private Position delivered;
    private long pending;
    private long dropped;
    private boolean warned;

    public Outbox(Path folder, long maxBytes) {
        this(folder, maxBytes, SEGMENT_BYTES);
    }

    Outbox(Path folder, long maxBytes, long segmentBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(path -> path.getFileName().toString().matches("segment-\\d{12}\\.log"))
                        .forEach(path -> segments.put(Long.parseLong(path.getFileName().toString().substring(8, 20)), path));
            }
            delivered = readPosition();
            writeSegment = segments.isEmpty() ? Math.max(1, delivered.segment()) : segments.lastKey();
            openWriter(writeSegment);
            repairTail();
            pending = countPending();
            if (pending > 0) {
                LOG.info("outbox {}: {} outcomes still to deliver", folder, pending);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox in " + folder, e);
        }
    }

    /** Records an outcome durably: when this returns, a crash cannot lose it. */
    public synchronized void append(Outcome outcome) {
        byte[] json = OutcomeJson.write(outcome).toString().getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] line = (String.format("%08x ", crc.getValue()) + new String(json, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (writer.size() + line.length > segmentBytes && writer.size() > 0) {
                writer.close();
                openWriter(writeSegment + 1);
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                writer.write(buffer);
            }
            writer.force(false);
            pending++;
            enforceBound();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record an outcome in " + folder, e);
        }
        notifyAll();
    }

    /** Up to {@code max} undelivered outcomes, oldest first; corrupt lines met on the way are quarantined. */
    public synchronized List<Entry> peek(int max) {
        List<Entry> entries = new ArrayList<>();
        Position at = delivered;
        try {
            while (entries.size() < max) {
                Path segment = segments.get(at.segment());
                if (segment == null) {
                    Long next = segments.higherKey(at.segment());
                    if (next == null) {
                        break;
                    }
                    at = new Position(next, 0);
                    continue;
                }
                Optional<Line> line = readLine(segment, at.offset());
                if (line.isEmpty()) {
                    Long next = segments.higherKey(at.segment());
                    if (next == null) {
                        break;
                    }
                    at = new Position(next, 0);
                    continue;
                }
                Position after = new Position(at.segment(), line.get().end());
                Optional<Outcome> outcome = decode(line.get().text());
                if (outcome.isPresent()) {
                    entries.add(new Entry(outcome.get(), after));
                } else if (entries.isEmpty()) {
                    quarantine(line.get().text(), "checksum or JSON does not match");
                    delivered = after;
                    writePosition(after);
                    pending = Math.max(0, pending - 1);
                } else {
                    break;
                }
                at = after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outbox in " + folder, e);
        }
        return entries;
    }

    /** Marks everything up to {@code through} delivered, durably, and frees finished segments. */
    public synchronized void acknowledge(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Position through = entries.get(entries.size() - 1).next();
        try {
            writePosition(through);
            delivered = through;
            pending = Math.max(0, pending - entries.size());
            for (Long segment : List.copyOf(segments.headMap(through.segment()).keySet())) {
                Files.deleteIfExists(segments.remove(segment));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record delivery in " + folder, e);
        }
    }

    /** Moves a batch the receiver refused for good to {@code dead-letter.jsonl}, with the reason. */
    public synchronized void deadLetter(List<Entry> entries, String reason) {
        try {
            StringBuilder lines = new StringBuilder();
            for (Entry entry : entries) {
                com.fasterxml.jackson.databind.node.ObjectNode line = OutcomeJson.MAPPER.createObjectNode().put("reason", reason);
                line.set("outcome", OutcomeJson.write(entry.outcome()));
                lines.append(line).append('\n');
            }
            Files.writeString(folder.resolve("dead-letter.jsonl"), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dead-letter file in " + folder, e);
        }
        acknowledge(entries);
    }

    public synchronized long pending() {
        return pending;
    }

    /** Outcomes dropped because the outbox reached its bound. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Waits until something is pending or the timeout passes. */
    public synchronized void awaitPending(long timeoutMillis) throws InterruptedException {
        if (pending == 0) {
            wait(timeoutMillis);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("closing the outbox in {} failed", folder, e);
        }
    }

    private record Line(String text, long end) {
    }

    private Optional<Line> readLine(Path segment, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            if (offset >= channel.size()) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size() - offset, 1 << 20));
            channel.read(buffer, offset);
            byte[] bytes = buffer.array();
            for (int i = 0; i < buffer.position(); i++) {
                if (bytes[i] == '\n') {
                    return Optional.of(new Line(new String(bytes, 0, i, StandardCharsets.UTF_8), offset + i + 1));
                }
            }
            return Optional.empty();
        }
    }

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
            JsonNode node = OutcomeJson.MAPPER.readTree(json);
            return OutcomeJson.read(node, "", new ArrayList<>());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void quarantine(String line, String reason) throws IOException {
        LOG.error("outbox {}: quarantined a corrupt record ({}); the others are delivered", folder, reason);
        Files.writeString(folder.resolve("quarantine.jsonl"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /** A crash mid-write leaves a torn last line: it is cut off and quarantined so new lines start clean. */
    private void repairTail() throws IOException {
        long size = writer.size();
        if (size == 0) {
            return;
        }
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            writer.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            ByteBuffer torn = ByteBuffer.allocate((int) (size - end));
            writer.read(torn, end);
            quarantine(new String(torn.array(), StandardCharsets.UTF_8), "torn write at shutdown");
            writer.truncate(end);
            writer.force(true);
        }
    }

    private long countPending() throws IOException {
        long count = 0;
        for (var segment : segments.tailMap(delivered.segment(), true).entrySet()) {
            long offset = segment.getKey() == delivered.segment() ? delivered.offset() : 0;
            Optional<Line> line;
            while ((line = readLine(segment.getValue(), offset)).isPresent()) {
                count++;
                offset = line.get().end();
            }
        }
        return count;
    }

    private void enforceBound() throws IOException {
        long bytes = 0;
        for (Path segment : segments.values()) {
            bytes += Files.size(segment);
        }
        if (bytes > maxBytes * WARN_AT && !warned) {
            warned = true;
            LOG.warn("outbox {} holds {} bytes, near its bound of {}: is the coordinator reachable?", folder, bytes, maxBytes);
        }
        while (bytes > maxBytes && segments.size() > 1) {
            long oldest = segments.firstKey();
            Path segment = segments.remove(oldest);
            long lost = countLines(segment, oldest == delivered.segment() ? delivered.offset() : 0);
            bytes -= Files.size(segment);
            Files.delete(segment);
            dropped += lost;
            pending -= lost;
            delivered = new Position(segments.firstKey(), 0);
            writePosition(delivered);
            LOG.error("outbox {} is full ({} bytes): dropped the oldest {} undelivered outcomes", folder, maxBytes, lost);
        }
        if (bytes < maxBytes * WARN_AT) {
            warned = false;
        }
    }

    private long countLines(Path segment, long offset) throws IOException {
        long count = 0;
        Optional<Line> line;
        while ((line = readLine(segment, offset)).isPresent()) {
            count++;
            offset = line.get().end();
        }
        return count;
    }

    private void openWriter(long segment) throws IOException {
        Path path = folder.resolve(String.format("segment-%012d.log", segment));
        writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        writer.position(writer.size());
        segments.put(segment, path);
        writeSegment = segment;
    }

    private Position readPosition() throws IOException {
        Path file = folder.resolve("delivered");
        if (!Files.exists(file)) {
            return new Position(segments.isEmpty() ? 1 : segments.firstKey(), 0);
        }
        String[] parts = Files.readString(file).trim().split(" ");
        return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private void writePosition(Position position) throws IOException {
        Path temporary = folder.resolve("delivered.tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((position.segment() + " " + position.offset() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, folder.resolve("delivered"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
