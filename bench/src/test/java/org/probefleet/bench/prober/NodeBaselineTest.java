package org.probefleet.bench.prober;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.prober.browser.BrowserSettings;

/** Without node, or with a node that cannot resolve playwright-core, the baseline is skipped with a line saying how to enable it. */
class NodeBaselineTest {

    static final BrowserSettings CHROMIUM = new BrowserSettings(Optional.of(Path.of("chromium")), List.of(), Duration.ofSeconds(1));

    @Test
    @DisplayName("no node on the PATH: skipped, saying how to enable it")
    void noNode(@TempDir Path folder) throws Exception {
        NodeBaseline.Result result = new NodeBaseline("http://127.0.0.1:1", CHROMIUM, 1, folder.toString()).run(folder);

        assertThat(result.stats()).isEmpty();
        assertThat(result.note()).isEqualTo("bare Node loop skipped: node is not on the PATH; to enable it: "
                + "npm install -g playwright-core@1.58.0 (or playwright-core on NODE_PATH)");
    }

    @Test
    @DisplayName("a node that cannot resolve playwright-core: skipped, naming that node")
    void noPlaywrightCore(@TempDir Path folder) throws Exception {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        // Stands in for a node without playwright-core: the script's answer is exit code 3.
        Path node = Files.writeString(bin.resolve("node"), "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));

        NodeBaseline.Result result = new NodeBaseline("http://127.0.0.1:1", CHROMIUM, 1, bin.toString()).run(folder);

        assertThat(result.stats()).isEmpty();
        assertThat(result.note()).isEqualTo("bare Node loop skipped: node (" + node + ") cannot resolve playwright-core; "
                + "to enable it: npm install -g playwright-core@1.58.0 (or playwright-core on NODE_PATH)");
    }
}
