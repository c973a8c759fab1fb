package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A checked-in file that generated text must equal, so a change to what others consume is a
 * reviewed diff. Run with {@code -Dgolden.update=true} to rewrite the files from the generator.
 */
final class Golden {

    static final String UPDATE = "golden.update";

    private Golden() {
    }

    /** Fails unless {@code file} holds exactly {@code generated}; rewrites it instead when {@value #UPDATE} is set. */
    static void assertMatches(Path file, String generated, String regenerate) throws IOException {
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(generated)
                .as("%s no longer matches what the generator writes. If the change is intended, regenerate it with %s"
                        + " (or run this test with -D%s=true) and review the diff", file, regenerate, UPDATE)
                .isEqualTo(expected);
    }
}
