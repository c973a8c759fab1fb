package org.probefleet.coordinator.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.probefleet.coordinator.ingest.Tokens;

/**
 * Who may call what: agents write outcomes, the admin writes definitions, the admin or deploy token marks deploys,
 * reads need the read token when one is set.
 */
final class Access {

    private final Tokens tokens;
    private final Sessions sessions;

    Access(Tokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    Optional<Tokens.Identity> agent(RoutingContext ctx) {
        return role(ctx, Tokens.Identity.Role.AGENT, "an agent token");
    }

    Optional<Tokens.Identity> admin(RoutingContext ctx) {
        return role(ctx, Tokens.Identity.Role.ADMIN, "the admin token");
    }

    /** The admin or the deploy token (CI marking a deploy); answers 401 or 403 otherwise. */
    Optional<Tokens.Identity> deployer(RoutingContext ctx) {
        Optional<Tokens.Identity> identity = tokens.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (identity.isEmpty()) {
            Http.error(ctx, 401, "missing or unknown bearer token: send Authorization: Bearer <token>");
            return Optional.empty();
        }
        if (identity.get().role() != Tokens.Identity.Role.ADMIN && identity.get().role() != Tokens.Identity.Role.DEPLOY) {
            Http.error(ctx, 403, "this needs the admin or the deploy token");
            return Optional.empty();
        }
        return identity;
    }

    /** A route step that lets only the admin or the deploy token through, before any of the body is read. */
    void deployerFirst(RoutingContext ctx) {
        deployer(ctx).ifPresent(identity -> ctx.next());
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
     * Reads are open unless a read token is configured; then the read or admin token may read, as
     * a bearer header, as the password of Basic auth, or through a dashboard session. Agent tokens
     * open only the agent endpoints, so a leaked agent token reads nothing.
     */
    boolean read(RoutingContext ctx) {
        Optional<Tokens.Identity> identity = reader(ctx);
        if (!tokens.readProtected() || identity.isPresent() && identity.get().role() != Tokens.Identity.Role.AGENT) {
            return true;
        }
        Http.error(ctx, identity.isPresent() ? 403 : 401, identity.isPresent()
                ? "an agent token does not open reads: use the read or admin token"
                : "this coordinator needs a token to read: send Authorization: Bearer <read token>, or sign in at /login");
        return false;
    }

    /** Like {@link #read}, for pages a person opens: without a token the browser goes to the login form. */
    boolean page(RoutingContext ctx) {
        Optional<Tokens.Identity> identity = reader(ctx);
        if (!tokens.readProtected() || identity.isPresent() && identity.get().role() != Tokens.Identity.Role.AGENT) {
            return true;
        }
        String next = ctx.request().uri();
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/login?next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)).end();
        return false;
    }

    /** Whether {@code token} may sign in to the dashboard: the read or the admin token. */
    boolean mayReadWith(String token) {
        return tokens.authenticate("Bearer " + token).filter(identity -> identity.role() != Tokens.Identity.Role.AGENT).isPresent();
    }

    boolean readProtected() {
        return tokens.readProtected();
    }

    private Optional<Tokens.Identity> reader(RoutingContext ctx) {
        if (ctx.request().getCookie(Sessions.COOKIE) != null && sessions.valid(ctx.request().getCookie(Sessions.COOKIE).getValue())) {
            return Optional.of(new Tokens.Identity(Tokens.Identity.Role.READ, "session", ""));
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basicPassword(authorization.substring(6).trim()).flatMap(password -> tokens.authenticate("Bearer " + password));
        }
        return tokens.authenticate(authorization);
    }

    /** The password of a Basic credential (any user name): browsers and curl -u send the token this way. */
    private static Optional<String> basicPassword(String encoded) {
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
