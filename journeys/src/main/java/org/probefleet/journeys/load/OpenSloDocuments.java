package org.probefleet.journeys.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probefleet.journeys.spec.OpenSloNames;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A file of OpenSLO v1 documents, as {@code ./fleet export --openslo} writes it: several
 * documents after {@code ---}, of which the {@code SLO}s are definitions; the other kinds are
 * read past, since the engine alerts by its own rules.
 */
final class OpenSloDocuments {

    private OpenSloDocuments() {
    }

    /** Whether a file's first document declares an OpenSLO {@code apiVersion}. */
    static boolean isOpenSlo(Node first) {
        return first instanceof MappingNode mapping && mapping.getValue().stream().anyMatch(tuple ->
                tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("apiVersion"));
    }

    static List<Document> slos(List<Node> nodes, Diagnostics diagnostics) {
        List<Document> slos = new ArrayList<>();
        for (Node node : nodes) {
            Optional<Section> document = Section.of(node, diagnostics, "an OpenSLO document");
            if (document.isEmpty()) {
                continue;
            }
            Section section = document.get();
            Optional<String> version = section.requiredText("apiVersion", "an OpenSLO document");
            Optional<String> kind = section.requiredText("kind", "an OpenSLO document");
            if (version.isEmpty() || kind.isEmpty()) {
                continue;
            }
            if (!version.get().equals(OpenSloNames.API_VERSION)) {
                diagnostics.error(section.node("apiVersion").orElseThrow(), "apiVersion " + version.get() + " is not supported: use "
                        + OpenSloNames.API_VERSION);
            } else if (kind.get().equals(OpenSloNames.SLO)) {
                slos.add(new Document(Document.Type.SLO, section));
            } else if (!OpenSloNames.OTHER_KINDS.contains(kind.get())) {
                diagnostics.error(section.node("kind").orElseThrow(), "kind " + kind.get() + " is not an OpenSLO v1 kind: expected "
                        + OpenSloNames.SLO + " or one of " + String.join(", ", OpenSloNames.OTHER_KINDS));
            }
        }
        return slos;
    }
}
