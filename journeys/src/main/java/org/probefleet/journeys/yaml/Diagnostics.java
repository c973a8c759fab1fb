package org.probefleet.journeys.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem found in one file, each placed at the node it is about. */
public final class Diagnostics {

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public Diagnostics(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void error(Node at, String message) {
        error(at.getStartMark(), message);
    }

    public void error(Mark at, String message) {
        problems.add(new Problem(file, at.getLine() + 1, at.getColumn() + 1, message));
    }

    public void error(int line, int column, String message) {
        problems.add(new Problem(file, line, column, message));
    }

    public int count() {
        return problems.size();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
