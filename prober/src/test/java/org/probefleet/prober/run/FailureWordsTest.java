package org.probefleet.prober.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The words a failed step uses for what it found: network errors with host and port, and masked excerpts. */
class FailureWordsTest {

    static final URI TARGET = URI.create("http://shop.example.test/api/orders");

    @Test
    @DisplayName("the JDK's network errors are named by their types, with the host and the default port")
    void jdkErrors() {
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());

        assertThat(NetworkError.ofJdk(new ConnectException(), TARGET)).hasToString("connection refused: shop.example.test:80");
        assertThat(NetworkError.ofJdk(unresolved, TARGET)).hasToString("unknown host: shop.example.test:80");
        assertThat(NetworkError.ofJdk(new HttpConnectTimeoutException("HTTP connect timed out"), URI.create("https://a.test:8443/")))
                .hasToString("connection timed out: a.test:8443");
        assertThat(NetworkError.ofJdk(new IOException("HTTP/1.1 header parser received no bytes"), URI.create("https://a.test/")))
                .hasToString("connection failed (HTTP/1.1 header parser received no bytes): a.test:443");
    }

    @Test
    @DisplayName("Chromium's network error codes read as the HTTP runner's words; other codes are not network errors")
    void chromiumErrors() {
        assertThat(NetworkError.ofChromium("ERR_CONNECTION_REFUSED", URI.create("http://127.0.0.1:19093/")))
                .hasValue(new NetworkError("connection refused", "127.0.0.1:19093"));
        assertThat(NetworkError.ofChromium("ERR_NAME_NOT_RESOLVED", TARGET)).hasValue(new NetworkError("unknown host", "shop.example.test:80"));
        assertThat(NetworkError.ofChromium("ERR_ABORTED", TARGET)).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("an excerpt is one line, masked before it is cut, so no part of a secret survives the cut")
    void excerpt() {
        Secrets secrets = new Secrets(name -> "s3cret-value", Map.of());
        secrets.get("TOKEN");

        assertThat(Excerpt.of("  a\n\n  b\tc  ", 200, secrets)).isEqualTo("a b c");
        assertThat(Excerpt.of("token=s3cret-value; more", 200, secrets)).isEqualTo("token=********; more");
        assertThat(Excerpt.of("abcdefgh s3cret-value", 15, secrets)).isEqualTo("abcdefgh ***...");
        assertThat(Excerpt.of("x".repeat(300), Excerpt.BODY_CHARS, secrets)).hasSize(200).endsWith("...");
    }
}
