package org.probefleet.journeys.yaml;

/** A mistake in a definition file, at the line and column (both from 1) where it starts. */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {

    public Problem {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    /** The same problem with its file named under {@code folder}, for files read by relative name. */
    public Problem under(java.nio.file.Path folder) {
        return new Problem(folder.resolve(file).toString(), line, column, message);
    }

    /** The compiler-style form editors can jump to: {@code file:line:column: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
