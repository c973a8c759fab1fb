package org.probefleet.coordinator.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where uploaded screenshots and traces live: one folder per agent under {@code data/artifacts},
 * so an agent can only ever write its own evidence, and a quota per agent bounds the disk any
 * one token can take. Reads find an id in whichever agent's folder holds it.
 */
final class ArtifactFiles {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final String PARTIAL = ".part";

    /** Why an upload may not go ahead, and the status that says so. */
    record Refusal(int status, String message) {
    }

    private final Path root;
    private final long quotaPerAgent;

    ArtifactFiles(Path root, long quotaPerAgent) {
        this.root = root;
        this.quotaPerAgent = quotaPerAgent;
    }

    static boolean validId(String id) {
        return ID.matcher(id).matches() && !id.contains("..") && !id.endsWith(PARTIAL);
    }

    /** Whether {@code agent} may store {@code bytes} more under {@code id}: not another agent's id, and within its quota. */
    Optional<Refusal> check(String agent, String id, long bytes) throws IOException {
        Optional<String> owner = owner(id);
        if (owner.isPresent() && !owner.get().equals(folderName(agent))) {
            return Optional.of(new Refusal(403, "artifact " + id + " belongs to another agent: an agent writes only its own artifacts"));
        }
        Path existing = folder(agent).resolve(id);
        long used = used(agent) - (Files.isRegularFile(existing) ? Files.size(existing) : 0);
        if (used + bytes > quotaPerAgent) {
            return Optional.of(new Refusal(507, "agent " + agent + " has used " + used / (1024 * 1024) + " MiB of its "
                    + quotaPerAgent / (1024 * 1024) + " MiB artifact quota; older artifacts are removed with retention"));
        }
        return Optional.empty();
    }

    /** A fresh partial file for an upload; {@link #commit} moves it into place. */
    Path partial(String agent, String id) throws IOException {
        Files.createDirectories(folder(agent));
        return folder(agent).resolve(id + "." + Long.toHexString(System.nanoTime()) + PARTIAL);
    }

    void commit(Path partial, String agent, String id) throws IOException {
        Files.move(partial, folder(agent).resolve(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Optional<Path> find(String id) throws IOException {
        return owner(id).map(folder -> root.resolve(folder).resolve(id));
    }

    /** Removes artifacts (and abandoned partial uploads) last written before {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private Optional<String> owner(String id) throws IOException {
        for (Path agentFolder : agentFolders()) {
            if (Files.isRegularFile(agentFolder.resolve(id))) {
                return Optional.of(agentFolder.getFileName().toString());
            }
        }
        return Optional.empty();
    }

    private long used(String agent) throws IOException {
        if (!Files.isDirectory(folder(agent))) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder(agent))) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private List<Path> agentFolders() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    private Path folder(String agent) {
        return root.resolve(folderName(agent));
    }

    /** Agent names become folder names: anything but letters, digits, '_' and '-' is replaced, so no name can leave the root. */
    private static String folderName(String agent) {
        return agent.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
