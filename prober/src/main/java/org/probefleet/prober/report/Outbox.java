package org.probefleet.prober.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probefleet.wire.outcome.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable queue of outcomes on disk. An outcome is recorded once its line is fsynced; the
 * delivered position is itself fsynced, so a restart resumes exactly where delivery stopped.
 * Lines are {@code crc32 json} ({@link OutboxLine}); a corrupt or torn line is moved to
 * {@code quarantine.jsonl} with a log line and the rest are delivered. The disk it may use is
 * bounded. The files themselves are {@link OutboxFiles}.
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
    private final OutboxFiles files;
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
        try {
            this.files = new OutboxFiles(folder, segmentBytes);
            delivered = files.readPosition();
            files.openForAppend(delivered);
            pending = files.countFrom(delivered);
            if (pending > 0) {
                LOG.info("outbox {}: {} outcomes still to deliver", folder, pending);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox in " + folder, e);
        }
    }

    /** Records an outcome durably: when this returns, a crash cannot lose it. */
    public synchronized void append(Outcome outcome) {
        try {
            files.append(OutboxLine.encode(outcome));
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
                Optional<OutboxFiles.Line> line = files.readLine(at);
                if (line.isEmpty()) {
                    Optional<Position> next = files.next(at.segment());
                    if (next.isEmpty()) {
                        break;
                    }
                    at = next.get();
                    continue;
                }
                Position after = new Position(at.segment(), line.get().end());
                Optional<Outcome> outcome = OutboxLine.decode(line.get().text());
                if (outcome.isPresent()) {
                    entries.add(new Entry(outcome.get(), after));
                } else if (entries.isEmpty()) {
                    files.quarantine(line.get().text(), "checksum or JSON does not match");
                    delivered = after;
                    files.writePosition(after);
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
            files.writePosition(through);
            delivered = through;
            pending = Math.max(0, pending - entries.size());
            files.deleteBefore(through.segment());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record delivery in " + folder, e);
        }
    }

    /** Moves a batch the receiver refused for good to {@code dead-letter.jsonl}, with the reason. */
    public synchronized void deadLetter(List<Entry> entries, String reason) {
        try {
            StringBuilder lines = new StringBuilder();
            for (Entry entry : entries) {
                lines.append(OutboxLine.deadLetter(entry.outcome(), reason)).append('\n');
            }
            files.deadLetter(lines);
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
            files.close();
        } catch (IOException e) {
            LOG.warn("closing the outbox in {} failed", folder, e);
        }
    }

    /** Past its bound the outbox drops whole segments, oldest first: the newest outcomes say the most about now. */
    private void enforceBound() throws IOException {
        long bytes = files.bytes();
        if (bytes > maxBytes * WARN_AT && !warned) {
            warned = true;
            LOG.warn("outbox {} holds {} bytes, near its bound of {}: is the coordinator reachable?", folder, bytes, maxBytes);
        }
        while (bytes > maxBytes && files.segmentCount() > 1) {
            long oldest = files.firstSegment();
            OutboxFiles.Dropped lost = files.dropFirst(oldest == delivered.segment() ? delivered.offset() : 0);
            bytes -= lost.bytes();
            dropped += lost.lines();
            pending -= lost.lines();
            delivered = new Position(files.firstSegment(), 0);
            files.writePosition(delivered);
            LOG.error("outbox {} is full ({} bytes): dropped the oldest {} undelivered outcomes", folder, maxBytes, lost.lines());
        }
        if (bytes < maxBytes * WARN_AT) {
            warned = false;
        }
    }
}
