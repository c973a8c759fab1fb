package org.probefleet.prober.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.run.Secrets;
import picocli.CommandLine.Option;

/** What every command that runs journeys needs: the browser, the secrets, and where Java journeys come from. */
final class RunnerOptions {

    @Option(names = "--chromium", paramLabel = "PATH", description = "the Chromium to drive (default: PROBEFLEET_CHROMIUM or chromium on the PATH)")
    String chromium;

    @Option(names = "--secrets-file", paramLabel = "FILE", description = "NAME=value lines for $${secret:NAME} (default: the environment)")
    Path secretsFile;

    @Option(names = "--classpath", paramLabel = "JAR[:JAR]", description = "jars or class folders holding Java journeys (class: in a journey file)")
    String classpath;

    BrowserSettings browser() {
        return BrowserSettings.defaults(Optional.ofNullable(chromium));
    }

    Secrets secrets() throws IOException {
        return secretsFile == null ? Secrets.fromEnvironment() : Secrets.fromFile(secretsFile);
    }

    /** Installs {@code --classpath} for the run threads; false after saying why when an entry is missing. */
    boolean installClasspath(PrintWriter err, String command) {
        return JourneyClasspath.installOrComplain(classpath, err, command);
    }
}
