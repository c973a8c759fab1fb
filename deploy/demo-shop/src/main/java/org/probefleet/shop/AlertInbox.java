package org.probefleet.shop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The demo's on-call: a webhook receiver that keeps the last {@link #KEPT} alert bodies it was
 * sent and, when given a file, appends each as one JSON line, so a demo shows what on-call heard.
 */
final class AlertInbox {

    static final int KEPT = 100;

    private final Optional<Path> log;
    private final Deque<JsonObject> recent = new ArrayDeque<>();

    AlertInbox(Optional<Path> log) {
        this.log = log;
    }

    synchronized void receive(JsonObject alert) throws IOException {
        if (log.isPresent()) {
            Files.writeString(log.get(), alert.encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        recent.addLast(alert);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
    }

    synchronized JsonArray recent() {
        return new JsonArray(java.util.List.copyOf(recent));
    }
}
