package org.probefleet.journeys.load;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Problem;
import org.probefleet.journeys.yaml.Section;
import org.probefleet.journeys.yaml.Suggestions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a definitions folder (every {@code *.yaml} and {@code *.yml} below it) or a set of
 * in-memory files: every valid journey, SLO and policy, and every problem with its place.
 */
public final class DefinitionLoader {

    /** Larger files are refused rather than parsed: definitions are small, and this bounds a hostile upload. */
    public static final int MAX_FILE_CHARS = 1 << 20;

    private DefinitionLoader() {
    }

    public static LoadResult loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new LoadResult(org.probefleet.journeys.model.Definitions.EMPTY,
                    List.of(new Problem(folder.toString(), 1, 1, "not a folder: give the folder that holds the definitions")));
        }
        List<SourceFile> files = readFolder(folder).stream()
                .map(file -> new SourceFile(folder.resolve(file.name()).toString(), file.text(), file.unreadable())).toList();
        return load(files);
    }

    /** Every {@code *.yaml} and {@code *.yml} below {@code folder}, sorted, named by their path relative to it. */
    public static List<SourceFile> readFolder(Path folder) {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).filter(DefinitionLoader::isYaml).sorted().toList()) {
                files.add(SourceFile.read(path, folder.relativize(path).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read definitions folder " + folder, e);
        }
        return files;
    }

    /** Loads one file by itself, as {@code ./fleet run FILE} does. */
    public static LoadResult loadFile(Path file) {
        return load(List.of(SourceFile.read(file, file.toString())));
    }

    public static LoadResult load(List<SourceFile> files) {
        List<Document> documents = new ArrayList<>();
        List<Diagnostics> diagnostics = new ArrayList<>();
        for (SourceFile file : files) {
            Diagnostics fileDiagnostics = new Diagnostics(file.name());
            diagnostics.add(fileDiagnostics);
            documents.addAll(read(file, fileDiagnostics));
        }
        return new Linker(documents).link(diagnostics);
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Document> read(SourceFile file, Diagnostics diagnostics) {
        if (file.unreadable().isPresent()) {
            Problem problem = file.unreadable().get();
            diagnostics.error(problem.line(), problem.column(), problem.message());
            return List.of();
        }
        if (file.text().length() > MAX_FILE_CHARS) {
            diagnostics.error(1, 1, "file is larger than " + MAX_FILE_CHARS + " characters: split it up");
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            for (Node node : new Yaml(options).composeAll(new StringReader(file.text()))) {
                if (node != null) {
                    nodes.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diagnostics.error(at, "YAML syntax: " + describe(e));
            return List.of();
        } catch (YAMLException e) {
            diagnostics.error(1, 1, "YAML syntax: " + e.getMessage());
            return List.of();
        }
        if (nodes.isEmpty()) {
            diagnostics.error(1, 1, "empty file: expected a document with a top-level journey:, slo: or policy: key");
            return List.of();
        }
        if (OpenSloDocuments.isOpenSlo(nodes.get(0))) {
            return OpenSloDocuments.slos(nodes, diagnostics);
        }
        if (nodes.size() > 1) {
            diagnostics.error(nodes.get(1), "one document per file: move this one (after ---) into a file of its own");
            return List.of();
        }
        return Section.of(nodes.get(0), diagnostics, "a definition").flatMap(DefinitionLoader::classify).stream().toList();
    }

    private static Optional<Document> classify(Section section) {
        List<Document.Type> types = Arrays.stream(Document.Type.values()).filter(type -> section.has(type.key)).toList();
        if (types.size() == 1) {
            return Optional.of(new Document(types.get(0), section));
        }
        List<String> keys = Arrays.stream(Document.Type.values()).map(type -> type.key).toList();
        if (types.isEmpty()) {
            String hint = section.keys().stream().map(key -> Suggestions.hint(key, keys)).filter(h -> !h.isEmpty())
                    .findFirst().orElse("");
            section.diagnostics().error(section.at(), "not a definition: expected a top-level journey:, slo: or policy: key" + hint);
        } else {
            section.diagnostics().error(section.at(), "a file holds one definition, but this one has "
                    + String.join(" and ", types.stream().map(type -> type.key + ":").toList()));
        }
        return Optional.empty();
    }

    /** SnakeYAML's problem, with its context (what it was parsing) when that says more. */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "malformed" : e.getProblem();
        String context = e.getContext();
        String text = context == null ? problem : problem + " (" + context + ")";
        if (problem.contains("expected <block end>") || problem.contains("mapping values are not allowed")) {
            text += ": check the indentation of this line";
        }
        return text;
    }
}
