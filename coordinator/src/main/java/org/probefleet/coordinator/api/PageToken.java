package org.probefleet.coordinator.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.probefleet.coordinator.store.OutcomeStore;

/**
 * The {@code next} token of the outcome list: where the page ended (start time and run id), opaque
 * to clients so the cursor can change without breaking them.
 */
final class PageToken {

    private PageToken() {
    }

    static String write(OutcomeStore.Position position) {
        String plain = position.startedAt().toEpochMilli() + "/" + position.runId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException with a message for the client when {@code token} is not one this class wrote */
    static OutcomeStore.Position read(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("/", 2);
            if (parts.length == 2) {
                return new OutcomeStore.Position(Instant.ofEpochMilli(Long.parseLong(parts[0])), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // reported below, with what to send instead
        }
        throw new IllegalArgumentException("after must be the 'next' value of a previous page, not '" + clip(token) + "'");
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
