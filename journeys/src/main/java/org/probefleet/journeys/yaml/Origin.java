package org.probefleet.journeys.yaml;

import org.yaml.snakeyaml.nodes.Node;

/** Where a definition was declared, so a later duplicate can name it. */
public record Origin(String file, int line, int column) {

    public static Origin of(String file, Node node) {
        return new Origin(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
