package org.probefleet.wire.api;

/** The coordinator's answer to an outcome batch: how many it stored, and how many it already had. */
public record IngestAnswer(long accepted, long duplicates) {
}
