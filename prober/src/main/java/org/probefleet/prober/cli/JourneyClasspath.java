package org.probefleet.prober.cli;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Java journeys ({@code class:} in a journey file) come from: jars or class folders given
 * with {@code --classpath}, loaded by a class loader every run thread inherits.
 */
final class JourneyClasspath {

    private JourneyClasspath() {
    }

    /** Installs {@code classpath} when given; false (after saying why on {@code err}) when an entry is missing. */
    static boolean installOrComplain(String classpath, java.io.PrintWriter err, String command) {
        if (classpath == null) {
            return true;
        }
        Optional<String> problem = install(classpath);
        problem.ifPresent(why -> {
            err.println(command + ": " + why);
            err.flush();
        });
        return problem.isEmpty();
    }

    /**
     * Makes {@code classpath} (entries separated by the platform's path separator) the context class
     * loader of this thread, before any run thread starts; returns why not when an entry is missing.
     */
    static Optional<String> install(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.isDirectory(path) && !(Files.isRegularFile(path) && entry.endsWith(".jar"))) {
                return Optional.of("--classpath entry " + entry + " is neither a jar nor a folder of classes");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                return Optional.of("--classpath entry " + entry + " cannot be read: " + e.getMessage());
            }
        }
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(new URLClassLoader(urls.toArray(URL[]::new), parent));
        return Optional.empty();
    }
}
