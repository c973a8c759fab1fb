package org.probefleet.coordinator.cli;

import java.io.IOException;
import org.probefleet.wire.client.CoordinatorClient;
import org.probefleet.wire.client.CoordinatorUnreachable;

/** How commands call a coordinator: through the wire client, with every failure to reach it turned into the line to print. */
final class CoordinatorCalls {

    /** What a user changes when the coordinator is elsewhere. */
    static final String HOW_TO_POINT = "--coordinator URL";

    /** Why a call could not be made or answered; the message says what to check. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** One call of the client. */
    interface Call {
        CoordinatorClient.Response on(CoordinatorClient client) throws IOException, InterruptedException;
    }

    private CoordinatorCalls() {
    }

    static CoordinatorClient.Response call(CoordinatorClient client, Call call) throws Unreachable {
        try {
            return call.on(client);
        } catch (CoordinatorUnreachable e) {
            throw new Unreachable(e.advice(HOW_TO_POINT));
        } catch (IOException e) {
            throw new Unreachable("the coordinator at " + client.base() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }
}
