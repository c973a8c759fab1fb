package org.probefleet.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.load.SourceFile;

/**
 * The definition files the coordinator runs with, their loaded form and a version tag. Agents
 * receive the files with their assignments, so coordinator and agents read the same text.
 */
public record DefinitionSet(List<SourceFile> files, LoadResult loaded, String version) {

    public DefinitionSet {
        files = List.copyOf(files);
    }

    public static DefinitionSet of(List<SourceFile> files) {
        return new DefinitionSet(files, DefinitionLoader.load(files), hash(files));
    }

    /** Reads every YAML file under {@code folder}, named by its path relative to the folder. */
    public static DefinitionSet fromFolder(Path folder) {
        return of(DefinitionLoader.readFolder(folder));
    }

    /** {@code {"version", "files": [{"name", "content"}]}}: the wire and storage form. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("version", version);
        ArrayNode array = json.putArray("files");
        files.forEach(file -> array.addObject().put("name", file.name()).put("content", file.text()));
        return json;
    }

    /** Reads the {@code files} of a pushed or stored set; returns problems for a malformed body. */
    public static List<SourceFile> filesFrom(JsonNode json, List<String> problems) {
        List<SourceFile> files = new ArrayList<>();
        JsonNode array = json == null ? null : json.get("files");
        if (array == null || !array.isArray()) {
            problems.add("the body must be {\"files\": [{\"name\": \"checkout.yaml\", \"content\": \"...\"}]}");
            return files;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode file = array.get(i);
            if (file == null || !file.path("name").isTextual() || !file.path("content").isTextual()
                    || !file.path("name").asText().matches("[A-Za-z0-9._/-]{1,200}")) {
                problems.add("files[" + i + "]: needs a name (letters, digits, . _ / -) and a content string");
                continue;
            }
            files.add(new SourceFile(file.get("name").asText(), file.get("content").asText()));
        }
        return files;
    }

    private static String hash(List<SourceFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SourceFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
