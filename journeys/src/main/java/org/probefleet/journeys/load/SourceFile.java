package org.probefleet.journeys.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.probefleet.journeys.yaml.Problem;

/**
 * A definition file's text and the name problems are reported under; {@code unreadable} says why
 * a file that exists could not be taken as text (not UTF-8, an I/O error), so it becomes one
 * problem of its own instead of stopping every other file.
 */
public record SourceFile(String name, String text, Optional<Problem> unreadable) {

    public SourceFile(String name, String text) {
        this(name, text, Optional.empty());
    }

    /** Reads {@code path} as strict UTF-8 (no replacement characters), reporting it under {@code name}. */
    public static SourceFile read(Path path, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return unreadable(name, 1, 1, "cannot read: " + e.getMessage());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return notUtf8(name, bytes, in.position(), out.flip().toString());
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            return notUtf8(name, bytes, in.position(), out.flip().toString());
        }
        return new SourceFile(name, out.flip().toString());
    }

    /** Places the first byte that is not UTF-8 at its line and column, counting what decoded before it. */
    private static SourceFile notUtf8(String name, byte[] bytes, int offset, String before) {
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        String what = offset < bytes.length ? String.format("byte 0x%02X", bytes[offset] & 0xff) : "a truncated character at the end";
        return unreadable(name, line, column, "not UTF-8 text (" + what + "): save the file as UTF-8");
    }

    private static SourceFile unreadable(String name, int line, int column, String message) {
        return new SourceFile(name, "", Optional.of(new Problem(name, line, column, message)));
    }
}
