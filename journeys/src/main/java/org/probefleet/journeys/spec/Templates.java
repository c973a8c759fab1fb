package org.probefleet.journeys.spec;

import java.util.Collection;
import java.util.Optional;
import org.probefleet.journeys.model.Template;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Suggestions;
import org.yaml.snakeyaml.nodes.Node;

/** Checks the {@code ${…}} references of a text value against what is defined at that point. */
final class Templates {

    private Templates() {
    }

    /**
     * Reports malformed references and variables no earlier step extracted.
     * {@code variables} is empty for browser journeys, which have no extracted values.
     */
    static Optional<Template> check(Node at, String text, Diagnostics diagnostics, Collection<String> variables) {
        Template template;
        try {
            template = Template.parse(text);
        } catch (Template.SyntaxException e) {
            diagnostics.error(at, e.getMessage());
            return Optional.empty();
        }
        for (String variable : template.variables()) {
            if (!variables.contains(variable)) {
                diagnostics.error(at, "'${" + variable + "}' is not extracted by an earlier step"
                        + Suggestions.hint(variable, variables)
                        + "; for the environment write ${env:" + variable + "}");
            }
        }
        return Optional.of(template);
    }
}
