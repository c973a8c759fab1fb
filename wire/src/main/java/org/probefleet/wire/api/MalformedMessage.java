package org.probefleet.wire.api;

/** A message that cannot be read; the message says what was expected, as the receiver answers it. */
public final class MalformedMessage extends Exception {

    public MalformedMessage(String message) {
        super(message, null, false, false);
    }
}
