package org.probefleet.journeys.load;

/** A definition file's text and the name problems are reported under. */
public record SourceFile(String name, String text) {
}
