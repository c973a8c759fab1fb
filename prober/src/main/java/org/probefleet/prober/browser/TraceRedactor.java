package org.probefleet.prober.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.probefleet.prober.run.Secrets;

/**
 * Removes secret values from a Playwright trace. A trace records the value of every {@code fill}
 * in its actions and in later DOM snapshots, and request bodies in its network log; every text
 * entry of the zip is rewritten with the secrets masked. Binary entries (images) are copied.
 */
public final class TraceRedactor {

    private TraceRedactor() {
    }

    public static void redact(Path trace, Secrets secrets) throws IOException {
        if (secrets.forms().isEmpty()) {
            return;
        }
        Path redacted = trace.resolveSibling(trace.getFileName() + ".redacting");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(trace));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(redacted))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = readAll(in);
                out.putNextEntry(new ZipEntry(entry.getName()));
                String text = asText(bytes);
                out.write(text == null ? bytes : secrets.mask(text).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(redacted, trace, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The entry as UTF-8 text, or null when it is binary. */
    static String asText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

}
