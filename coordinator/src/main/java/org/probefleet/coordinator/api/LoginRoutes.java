package org.probefleet.coordinator.api;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.probefleet.coordinator.view.Html;
import org.probefleet.coordinator.web.LoginPage;

/** The dashboard's sign-in: a form that takes the read (or admin) token and sets a session cookie. */
final class LoginRoutes {

    private final Access access;
    private final Sessions sessions;
    private final boolean secure;

    LoginRoutes(Access access, Sessions sessions, boolean secure) {
        this.access = access;
        this.sessions = sessions;
        this.secure = secure;
    }

    void mount(Router router) {
        router.get("/login").handler(ctx -> form(ctx, 200, ""));
        router.post("/login").handler(BodyHandler.create().setBodyLimit(4096).setHandleFileUploads(false)).handler(this::signIn);
        router.post("/logout").handler(this::signOut);
    }

    private void form(RoutingContext ctx, int status, String message) {
        String html = Html.render("web/login.jte", new LoginPage(next(ctx.request().getParam("next")), message, access.readProtected()));
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(html);
    }

    private void signIn(RoutingContext ctx) {
        String token = ctx.request().getFormAttribute("token");
        if (token == null || !access.mayReadWith(token.trim())) {
            form(ctx, 401, "That token does not open this dashboard: use the read token (or the admin token).");
            return;
        }
        ctx.response().addCookie(cookie(sessions.open()).setMaxAge(Sessions.LIFETIME.toSeconds()));
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, next(ctx.request().getFormAttribute("next"))).end();
    }

    private void signOut(RoutingContext ctx) {
        Cookie current = ctx.request().getCookie(Sessions.COOKIE);
        sessions.close(current == null ? null : current.getValue());
        ctx.response().addCookie(cookie("").setMaxAge(0));
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/login").end();
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(Sessions.COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }

    /** Where to go after signing in: a path on this coordinator only, never another site. */
    static String next(String requested) {
        return requested != null && requested.startsWith("/") && !requested.startsWith("//") && !requested.contains("\\") ? requested : "/";
    }
}
