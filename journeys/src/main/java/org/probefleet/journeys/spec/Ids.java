package org.probefleet.journeys.spec;

import org.probefleet.journeys.model.Names;
import org.probefleet.journeys.yaml.Diagnostics;
import org.yaml.snakeyaml.nodes.Node;

/** Identifier checks shared by journeys, SLOs, policies and regions. */
final class Ids {

    private Ids() {
    }

    static boolean check(Node at, String text, Diagnostics diagnostics, String what) {
        if (Names.isId(text)) {
            return true;
        }
        if (Names.tooLongForId(text)) {
            diagnostics.error(at, what + " '" + text.substring(0, 20) + "...' is " + text.length() + " characters long; an id has at most "
                    + Names.MAX_ID_LENGTH);
        } else {
            diagnostics.error(at, what + " '" + text + "' must be lower-case letters, digits and dashes, like checkout-eu");
        }
        return false;
    }
}
