package org.probefleet.prober.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.probefleet.prober.report.Outbox.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbox's folder: numbered segment files of lines, appended to the last and deleted from the
 * first; the {@code delivered} position, replaced atomically; and the quarantine and dead-letter
 * files. Knows lines and positions, not outcomes.
 */
final class OutboxFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxFiles.class);

    /** A line's text (without its newline) and the offset just after it. */
    record Line(String text, long end) {
    }

    private final Path folder;
    private final long segmentBytes;
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private FileChannel writer;
    private long writeSegment;

    OutboxFiles(Path folder, long segmentBytes) throws IOException {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(path -> path.getFileName().toString().matches("segment-\\d{12}\\.log"))
                    .forEach(path -> segments.put(Long.parseLong(path.getFileName().toString().substring(8, 20)), path));
        }
    }

    Path folder() {
        return folder;
    }

    /** Opens the last segment for appending (or the first one after {@code delivered}), cutting off a torn last line. */
    void openForAppend(Position delivered) throws IOException {
        openWriter(segments.isEmpty() ? Math.max(1, delivered.segment()) : segments.lastKey());
        repairTail();
    }

    /** Appends a line durably, starting a new segment when this one would grow past its size. */
    void append(byte[] line) throws IOException {
        if (writer.size() + line.length > segmentBytes && writer.size() > 0) {
            writer.close();
            openWriter(writeSegment + 1);
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            writer.write(buffer);
        }
        writer.force(false);
    }

    /** The complete line at {@code at}, or empty at the end of its segment (or when the segment is gone). */
    Optional<Line> readLine(Position at) throws IOException {
        Path segment = segments.get(at.segment());
        return segment == null ? Optional.empty() : readLine(segment, at.offset());
    }

    /** The start of the segment after {@code segment}, if there is one. */
    Optional<Position> next(long segment) {
        return Optional.ofNullable(segments.higherKey(segment)).map(number -> new Position(number, 0));
    }

    /** Lines from {@code from} to the end of the last segment. */
    long countFrom(Position from) throws IOException {
        long count = 0;
        for (var segment : segments.tailMap(from.segment(), true).entrySet()) {
            count += countLines(segment.getValue(), segment.getKey() == from.segment() ? from.offset() : 0);
        }
        return count;
    }

    /** Deletes the segments before {@code segment}: everything in them is delivered. */
    void deleteBefore(long segment) throws IOException {
        for (Long number : List.copyOf(segments.headMap(segment).keySet())) {
            Files.deleteIfExists(segments.remove(number));
        }
    }

    long bytes() throws IOException {
        long bytes = 0;
        for (Path segment : segments.values()) {
            bytes += Files.size(segment);
        }
        return bytes;
    }

    int segmentCount() {
        return segments.size();
    }

    long firstSegment() {
        return segments.firstKey();
    }

    /** What deleting a segment freed: its bytes, and the lines it still held. */
    record Dropped(long bytes, long lines) {
    }

    /** Deletes the oldest segment, whose lines from {@code offset} on were not delivered. */
    Dropped dropFirst(long offset) throws IOException {
        Path segment = segments.remove(segments.firstKey());
        Dropped dropped = new Dropped(Files.size(segment), countLines(segment, offset));
        Files.delete(segment);
        return dropped;
    }

    void quarantine(String line, String reason) throws IOException {
        LOG.error("outbox {}: quarantined a corrupt record ({}); the others are delivered", folder, reason);
        Files.writeString(folder.resolve("quarantine.jsonl"), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    void deadLetter(CharSequence lines) throws IOException {
        Files.writeString(folder.resolve("dead-letter.jsonl"), lines, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /**
     * The delivered position. An unreadable file (empty, truncated, garbage) is repaired to the start
     * of the oldest segment still on disk: what was delivered from it is sent again, which is safe
     * because the coordinator drops outcomes whose runId it already has.
     */
    Position readPosition() throws IOException {
        Path file = folder.resolve("delivered");
        Position oldest = new Position(segments.isEmpty() ? 1 : segments.firstKey(), 0);
        if (!Files.exists(file)) {
            return oldest;
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Optional<Position> position = parsePosition(text);
        if (position.isPresent()) {
            return position.get();
        }
        LOG.warn("outbox position file {} was unreadable ('{}'); re-sending from the start of the oldest segment; "
                + "the coordinator drops duplicates", file, printable(text));
        writePosition(oldest);
        return oldest;
    }

    /** {@code "segment offset"} as {@link #writePosition} writes it, or empty for anything else. */
    static Optional<Position> parsePosition(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    }

    /** At most 60 characters of a damaged file for the log, control characters and binary shown as '?'. */
    private static String printable(String text) {
        String clipped = text.length() <= 60 ? text : text.substring(0, 57) + "...";
        return clipped.codePoints().map(c -> c < 0x20 || c == 0x7f || c == 0xfffd ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Writes the position to a temporary file, fsyncs it and renames it over the old one, so a crash leaves one or the other. */
    void writePosition(Position position) throws IOException {
        Path temporary = folder.resolve("delivered.tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((position.segment() + " " + position.offset() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, folder.resolve("delivered"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        writer.close();
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

    private long countLines(Path segment, long offset) throws IOException {
        long count = 0;
        Optional<Line> line;
        while ((line = readLine(segment, offset)).isPresent()) {
            count++;
            offset = line.get().end();
        }
        return count;
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

    private void openWriter(long segment) throws IOException {
        Path path = folder.resolve(String.format("segment-%012d.log", segment));
        writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        writer.position(writer.size());
        segments.put(segment, path);
        writeSegment = segment;
    }
}
