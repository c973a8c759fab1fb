package org.probefleet.prober.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a system Chromium: an explicit path, {@code PROBEFLEET_CHROMIUM}, or the usual names on the PATH. */
public final class ChromiumLocator {

    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    public static final String INSTALL_HINT = "no Chromium found: install one (Debian/Ubuntu: apt-get install -y chromium) "
            + "or give its path with --chromium PATH or PROBEFLEET_CHROMIUM";

    private ChromiumLocator() {
    }

    public static Optional<Path> find(Optional<String> explicit) {
        Optional<String> configured = explicit.or(() -> Optional.ofNullable(System.getenv("PROBEFLEET_CHROMIUM")));
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path path = Path.of(configured.get());
            return Files.isExecutable(path) ? Optional.of(path) : onPath(configured.get());
        }
        for (String name : NAMES) {
            Optional<Path> found = onPath(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
