package org.probefleet.journeys.load;

import java.util.ArrayList;
import java.util.List;

/** Builds in-memory definition files for tests. */
final class Files {

    private Files() {
    }

    /** Pairs of name and text: {@code of("a.yaml", "journey: a…", "b.yaml", "…")}. */
    static LoadResult load(String... nameAndText) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.add(new SourceFile(nameAndText[i], nameAndText[i + 1]));
        }
        return DefinitionLoader.load(files);
    }

    static List<String> problems(String... nameAndText) {
        return load(nameAndText).problems().stream().map(Object::toString).toList();
    }
}
