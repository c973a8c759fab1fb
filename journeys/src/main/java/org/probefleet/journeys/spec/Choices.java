package org.probefleet.journeys.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.probefleet.journeys.yaml.Section;
import org.probefleet.journeys.yaml.Suggestions;

/** Reads a key whose value is one word of an enum, written in lower case. */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> Optional<E> read(Section section, String key, Class<E> type) {
        return section.text(key).flatMap(raw -> {
            List<String> words = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            if (words.contains(raw)) {
                return Optional.of(Enum.valueOf(type, raw.toUpperCase(Locale.ROOT)));
            }
            section.diagnostics().error(section.node(key).orElseThrow(), "'" + key + "' must be one of "
                    + String.join(", ", words) + ", not '" + raw + "'" + Suggestions.hint(raw, words));
            return Optional.empty();
        });
    }
}
