package org.probefleet.prober.run;

import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Secret values for {@code ${secret:NAME}}: from a secrets file ({@code NAME=value} lines) or
 * the agent's environment. Every value handed out is remembered so {@link #mask} can remove it,
 * in every form it may take on the way (raw, URL-encoded, JSON- and HTML-escaped), from anything
 * that leaves the runner.
 */
public final class Secrets {

    public static final String MASK = "********";

    private final Function<String, String> environment;
    private final Map<String, String> file;
    private final Set<String> used = Collections.synchronizedSet(new LinkedHashSet<>());

    public Secrets(Function<String, String> environment, Map<String, String> file) {
        this.environment = environment;
        this.file = Map.copyOf(file);
    }

    public static Secrets fromEnvironment() {
        return new Secrets(System::getenv, Map.of());
    }

    public static Secrets fromFile(Path path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return new Secrets(System::getenv, values);
    }

    public Optional<String> get(String name) {
        String value = file.containsKey(name) ? file.get(name) : environment.apply(name);
        if (value != null && !value.isEmpty()) {
            remember(value);
        }
        return Optional.ofNullable(value);
    }

    /** Marks a value as secret so it is masked wherever it appears. */
    public void remember(String value) {
        if (value.length() >= 3) {
            used.add(value);
        }
    }

    /** Every form a secret value may take in logs, URLs, JSON and HTML. */
    public Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        synchronized (used) {
            for (String value : used) {
                forms.add(value);
                forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
                forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
                forms.add(value.replace("\\", "\\\\").replace("\"", "\\\""));
                forms.add(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"));
            }
        }
        return forms;
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String form : forms()) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }
}
