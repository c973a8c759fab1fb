package org.probefleet.coordinator.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.probefleet.coordinator.ingest.Tokens;

/** Who may call what: agents write outcomes, the admin writes definitions, reads need the read token when one is set. */
final class Access {

    private final Tokens tokens;

    Access(Tokens tokens) {
        this.tokens = tokens;
    }

    Optional<Tokens.Identity> agent(RoutingContext ctx) {
        return role(ctx, Tokens.Identity.Role.AGENT, "an agent token");
    }

    Optional<Tokens.Identity> admin(RoutingContext ctx) {
        return role(ctx, Tokens.Identity.Role.ADMIN, "the admin token");
    }

    /** A route step that lets only an agent through, before any of the body is read. */
    void agentFirst(RoutingContext ctx) {
        agent(ctx).ifPresent(identity -> ctx.next());
    }

    /** A route step that lets only the admin through, before any of the body is read. */
    void adminFirst(RoutingContext ctx) {
        admin(ctx).ifPresent(identity -> ctx.next());
    }

    /**
     * Reads are open unless a read token is configured; then the read or admin token may read.
     * Agent tokens open only the agent endpoints, so a leaked agent token reads nothing.
     */
    boolean read(RoutingContext ctx) {
        if (!tokens.readProtected()) {
            return true;
        }
        Optional<Tokens.Identity> identity = tokens.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (identity.isPresent() && identity.get().role() != Tokens.Identity.Role.AGENT) {
            return true;
        }
        Http.error(ctx, identity.isPresent() ? 403 : 401, identity.isPresent()
                ? "an agent token does not open reads: use the read or admin token"
                : "this coordinator needs a token to read: send Authorization: Bearer <read token>");
        return false;
    }

    private Optional<Tokens.Identity> role(RoutingContext ctx, Tokens.Identity.Role role, String what) {
        Optional<Tokens.Identity> identity = tokens.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (identity.isEmpty()) {
            Http.error(ctx, 401, "missing or unknown bearer token: send Authorization: Bearer <token>");
            return Optional.empty();
        }
        if (identity.get().role() != role) {
            Http.error(ctx, 403, "this needs " + what);
            return Optional.empty();
        }
        return identity;
    }
}
