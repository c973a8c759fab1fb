package org.probefleet.wire.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/**
 * Reads the JSON bodies clients send to the coordinator, strictly: exactly one value (nothing
 * after it), no key twice in one object. A lenient reader would answer 200 to {@code [A][B]} and
 * drop B, or keep the last of two values; either loses data without telling the sender.
 */
public final class StrictJson {

    /** This concern's own mapper: no other reader shares (or loosens) its settings. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** The value itself is read without the trailing check, which follows by hand to say where the extra content starts. */
    private static final ObjectReader VALUE = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String DUPLICATE = "Duplicate field '";

    /** What is wrong with a body, each with its own answer. */
    public enum Fault { NOT_JSON, DUPLICATE_KEY, TRAILING_CONTENT }

    /** A body that is not exactly one JSON value; the message says what and where. */
    public static final class Malformed extends Exception {

        private final Fault fault;

        Malformed(Fault fault, String message) {
            super(message, null, false, false);
            this.fault = fault;
        }

        public Fault fault() {
            return fault;
        }
    }

    private StrictJson() {
    }

    /**
     * Reads one JSON value; an empty body is a {@link MissingNode}. {@code root} names the body in
     * messages ({@code outcomes} makes {@code outcomes[0].steps[1]}).
     */
    public static JsonNode read(byte[] body, String root) throws Malformed {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode value;
            try {
                value = VALUE.readTree(parser);
            } catch (JsonProcessingException e) {
                throw problem(e, parser, root);
            }
            if (value == null || value.isMissingNode()) {
                return MissingNode.getInstance();
            }
            JsonLocation end = parser.currentLocation();
            try {
                if (parser.nextToken() == null) {
                    return value;
                }
            } catch (JsonProcessingException e) {
                // not even a token: still content after the value
            }
            String kind = value.isArray() ? "array" : value.isObject() ? "object" : "value";
            throw new Malformed(Fault.TRAILING_CONTENT, "the body has more after the JSON " + kind + ", at "
                    + nextContent(body, end) + ": send exactly one JSON " + kind);
        } catch (IOException e) {
            throw new Malformed(Fault.NOT_JSON, e.getMessage());
        }
    }

    private static Malformed problem(JsonProcessingException e, JsonParser parser, String root) {
        String original = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
        JsonStreamContext context = parser.getParsingContext();
        if (original.startsWith(DUPLICATE) && context != null && context.inObject()) {
            return new Malformed(Fault.DUPLICATE_KEY, "duplicate key '" + clip(context.getCurrentName()) + "' in "
                    + where(context, root) + ", at " + at(e.getLocation()) + ": send each key once");
        }
        return new Malformed(Fault.NOT_JSON, at(e.getLocation()) + ": " + original);
    }

    /** The place of the object or array {@code container} in the body: {@code outcomes[0].steps[1]}. */
    static String where(JsonStreamContext container, String root) {
        JsonStreamContext parent = container.getParent();
        if (parent == null || parent.inRoot()) {
            return root;
        }
        String base = where(parent, root);
        if (parent.inArray()) {
            return base + "[" + parent.getCurrentIndex() + "]";
        }
        boolean topLevelKey = parent.getParent() == null || parent.getParent().inRoot();
        return topLevelKey ? clip(parent.getCurrentName()) : base + "." + clip(parent.getCurrentName());
    }

    /** Where the first character after {@code end} that is not white space is: the parser's own place for an error is past it. */
    private static String nextContent(byte[] body, JsonLocation end) {
        int line = end.getLineNr();
        int column = end.getColumnNr();
        for (int i = (int) end.getByteOffset(); i >= 0 && i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r'
                || body[i] == '\n'); i++) {
            line += body[i] == '\n' ? 1 : 0;
            column = body[i] == '\n' ? 1 : column + 1;
        }
        return "line " + line + ", column " + column;
    }

    private static String at(JsonLocation location) {
        return location == null ? "an unknown place" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
