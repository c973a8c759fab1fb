package org.probefleet.coordinator.rum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.probefleet.journeys.model.Names;

/**
 * One beacon from a page: the journey, what happened to it, and the page's random id (16 hex
 * digits, drawn by the script per page; nothing about the user). The body is exactly
 * {@code {"journey", "event", "page"}}: any other field is refused, so nothing personal can ride along.
 */
public record Beacon(String journey, Event event, String page) {

    private static final Pattern PAGE_ID = Pattern.compile("[0-9a-f]{16}");
    private static final List<String> FIELDS = List.of("journey", "event", "page");

    /** What a page reports: a journey started, completed (good), or failed or left without completion (bad). */
    public enum Event {
        START, COMPLETE, FAIL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The beacon, or the first reason it is refused. */
    public record Read(Optional<Beacon> beacon, String problem) {
    }

    public static Read read(JsonNode body) {
        if (!body.isObject()) {
            return refused("send one JSON object {\"journey\", \"event\", \"page\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return refused("unknown field '" + name + "': a beacon has only journey, event and page");
            }
        }
        List<String> missing = new ArrayList<>(FIELDS.stream().filter(field -> !body.path(field).isTextual()).toList());
        if (!missing.isEmpty()) {
            return refused("'" + missing.get(0) + "' must be a string");
        }
        String journey = body.get("journey").asText();
        String event = body.get("event").asText();
        String page = body.get("page").asText();
        if (!Names.isId(journey)) {
            return refused("journey '" + shorten(journey) + "' must be lower-case letters, digits and dashes, like checkout");
        }
        Optional<Event> kind = java.util.Arrays.stream(Event.values()).filter(value -> value.wireName().equals(event)).findFirst();
        if (kind.isEmpty()) {
            return refused("event '" + shorten(event) + "' must be start, complete or fail");
        }
        if (!PAGE_ID.matcher(page).matches()) {
            return refused("page must be 16 lower-case hex digits, not '" + shorten(page) + "'");
        }
        return new Read(Optional.of(new Beacon(journey, kind.get(), page)), "");
    }

    /**
     * Whether this page is in the site's sample: its id read as a fraction of 2^32. Both sides can
     * tell from the id alone, so a page's start and end are in or out together.
     */
    public boolean sampled(double sample) {
        return Long.parseLong(page.substring(0, 8), 16) < sample * 0x1_0000_0000L;
    }

    private static Read refused(String problem) {
        return new Read(Optional.empty(), problem);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
