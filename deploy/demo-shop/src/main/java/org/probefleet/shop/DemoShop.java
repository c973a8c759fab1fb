package org.probefleet.shop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The demo shop's HTTP server: pages, the JSON API, its business counters on /metrics, and the chaos endpoint under /admin. */
public final class DemoShop {

    /** The header agents send; chaos can target one region with it. */
    public static final String REGION_HEADER = "X-Probefleet-Region";
    /** The product token in every probe's User-Agent: what tells a probe from a real user. */
    public static final String PROBE_USER_AGENT = "Probefleet";
    private static final String CART_COOKIE = "cart";
    private static final String SESSION_COOKIE = "session";
    private static final int MAX_QUANTITY = 99;
    /** The actions whose answer confirms something to the user: what silent chaos breaks. */
    static final java.util.Set<String> CONFIRMING = java.util.Set.of("POST /checkout", "POST /login", "POST /api/orders");

    private final Store store = new Store();
    private final Faults faults = new Faults();
    private final ShopMetrics metrics = new ShopMetrics();
    private final Vertx vertx;
    private final AlertInbox alerts;
    private final Optional<Beacon> beacon;
    private HttpServer server;

    private DemoShop(Vertx vertx, AlertInbox alerts, Optional<Beacon> beacon) {
        this.vertx = vertx;
        this.alerts = alerts;
        this.beacon = beacon;
    }

    /** Starts the shop on {@code host:port} (port 0 picks a free one). */
    public static Future<DemoShop> start(Vertx vertx, String host, int port) {
        return start(vertx, host, port, Optional.empty());
    }

    /** @param alertLog where the alerts posted to {@code /admin/alerts} are appended, one JSON line each */
    public static Future<DemoShop> start(Vertx vertx, String host, int port, Optional<java.nio.file.Path> alertLog) {
        return start(vertx, host, port, alertLog, Optional.empty());
    }

    /** @param beacon the real-user beacon the checkout and order pages include, if any */
    public static Future<DemoShop> start(Vertx vertx, String host, int port, Optional<java.nio.file.Path> alertLog, Optional<Beacon> beacon) {
        DemoShop shop = new DemoShop(vertx, new AlertInbox(alertLog), beacon);
        return vertx.createHttpServer().requestHandler(shop.router()).listen(port, host).map(server -> {
            shop.server = server;
            return shop;
        });
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }

    private Router router() {
        Router router = Router.router(vertx);
        // Only requests that carry a body get a body handler: a GET with a stray Content-Type must not fail.
        router.post().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/admin/chaos").handler(ctx -> setChaos(ctx, Faults.UNNAMED));
        router.delete("/admin/chaos").handler(ctx -> clearChaos(ctx, Faults.UNNAMED));
        router.get("/admin/chaos").handler(ctx -> json(ctx, 200, faults.get(Faults.UNNAMED).chaos().toJson()));
        // Named faults run side by side, each on its own paths or regions; their answers add how many requests they hit.
        router.post("/admin/chaos/:name").handler(ctx -> setChaos(ctx, ctx.pathParam("name")));
        router.delete("/admin/chaos/:name").handler(ctx -> clearChaos(ctx, ctx.pathParam("name")));
        router.get("/admin/chaos/:name").handler(ctx -> json(ctx, 200, faults.get(ctx.pathParam("name")).toJson()));
        router.post("/admin/alerts").handler(this::receiveAlert);
        router.get("/admin/alerts").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(alerts.recent().encodePrettily()));
        router.get("/healthz").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("ok\n"));
        router.get("/metrics").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape()));
        router.route().handler(this::applyChaos);
        // A cheap target under a path of the caller's choosing, so a fault can be scoped to one probe by its path.
        router.get("/ping/*").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("pong\n"));

        router.get("/").handler(ctx -> html(ctx, 200, Pages.home(cartCount(ctx))));
        router.get("/products/:id").handler(ctx -> Catalog.find(ctx.pathParam("id"))
                .ifPresentOrElse(product -> html(ctx, 200, Pages.product(product, cartCount(ctx))),
                        () -> html(ctx, 404, Pages.notFound())));
        router.post("/cart/add").handler(this::addToCartForm);
        router.get("/cart").handler(ctx -> html(ctx, 200, Pages.cart(store.cart(cartId(ctx)).orElse(List.of()))));
        router.get("/checkout").handler(ctx -> {
            metrics.checkoutStarted(fromProbe(ctx));
            html(ctx, 200, Pages.checkout(cartCount(ctx), null, beacon));
        });
        router.post("/checkout").handler(this::checkoutForm);
        router.get("/orders/:id").handler(ctx -> store.order(ctx.pathParam("id"))
                .ifPresentOrElse(order -> html(ctx, 200, Pages.order(order, beacon)), () -> html(ctx, 404, Pages.notFound())));
        router.get("/login").handler(ctx -> html(ctx, 200, Pages.login(null)));
        router.post("/login").handler(this::loginForm);
        router.get("/account").handler(ctx -> {
            if (ctx.request().getCookie(SESSION_COOKIE) == null) {
                redirect(ctx, "/login");
            } else {
                html(ctx, 200, Pages.account(cartCount(ctx)));
            }
        });
        router.get("/search").handler(ctx -> {
            String query = Optional.ofNullable(ctx.request().getParam("q")).orElse("");
            html(ctx, 200, Pages.search(query, Catalog.search(query), cartCount(ctx)));
        });
        new ShopApi(store).mount(router);
        router.route().last().handler(ctx -> html(ctx, 404, Pages.notFound()));
        return router;
    }

    private void receiveAlert(RoutingContext ctx) {
        JsonObject alert;
        try {
            alert = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            alert = null;
        }
        if (alert == null) {
            json(ctx, 400, new JsonObject().put("error", "an alert must be a JSON object"));
            return;
        }
        JsonObject received = alert;
        vertx.executeBlocking(() -> {
            alerts.receive(received);
            return null;
        }).onComplete(done -> json(ctx, done.succeeded() ? 200 : 500, new JsonObject().put("ok", done.succeeded())));
    }

    private void clearChaos(RoutingContext ctx, String name) {
        faults.clear(name);
        json(ctx, 200, name.equals(Faults.UNNAMED) ? Chaos.NONE.toJson() : faults.get(name).toJson());
    }

    private void setChaos(RoutingContext ctx, String name) {
        try {
            JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
            Faults.Fault fault = faults.set(name, Chaos.parse(body));
            json(ctx, 200, name.equals(Faults.UNNAMED) ? fault.chaos().toJson() : fault.toJson());
        } catch (DecodeException | ClassCastException e) {
            json(ctx, 400, new JsonObject().put("error", "the body must be a JSON object like {\"mode\": \"error\"}"));
        } catch (IllegalArgumentException e) {
            json(ctx, 400, new JsonObject().put("error", e.getMessage()));
        }
    }

    /**
     * Delays, fails or silently breaks the requests a fault in force matches; passes the rest on.
     * Silent chaos breaks only the confirming actions (placing an order, signing in): browsing
     * works, the confirmation never comes, and every response is a 200. A request the fault
     * leaves alone does not count towards its {@code times}.
     */
    private void applyChaos(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<Faults.Fault> found = faults.matching(path, ctx.request().getHeader(REGION_HEADER), fromProbe(ctx));
        if (found.isEmpty()) {
            ctx.next();
            return;
        }
        Chaos current = found.get().chaos();
        boolean hit = current.mode().isPresent() && ThreadLocalRandom.current().nextDouble() < current.errorRate()
                && (current.mode().get() == Chaos.Mode.ERROR || CONFIRMING.contains(ctx.request().method().name() + " " + path));
        if ((!hit && current.latencyMs() == 0) || !found.get().claim()) {
            ctx.next();
            return;
        }
        Runnable fault = () -> {
            if (!hit) {
                ctx.next();
            } else if (current.mode().get() == Chaos.Mode.ERROR) {
                ctx.response().setStatusCode(500).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                        .end("Internal Server Error (injected by chaos)\n");
            } else if (path.startsWith("/api/")) {
                json(ctx, 200, new JsonObject());
            } else {
                html(ctx, 200, Pages.silent(beacon));
            }
        };
        if (current.latencyMs() > 0) {
            vertx.setTimer(current.latencyMs(), id -> fault.run());
        } else {
            fault.run();
        }
    }

    private void addToCartForm(RoutingContext ctx) {
        Optional<Catalog.Product> product = Catalog.find(Optional.ofNullable(ctx.request().getFormAttribute("product")).orElse(""));
        if (product.isEmpty()) {
            html(ctx, 404, Pages.notFound());
            return;
        }
        String cartId = cartId(ctx);
        if (cartId == null) {
            cartId = UUID.randomUUID().toString();
            ctx.response().addCookie(Cookie.cookie(CART_COOKIE, cartId).setPath("/").setHttpOnly(true));
        }
        store.add(cartId, product.get(), 1);
        redirect(ctx, "/cart");
    }

    private void checkoutForm(RoutingContext ctx) {
        String email = Optional.ofNullable(ctx.request().getFormAttribute("email")).orElse("").trim();
        String card = Optional.ofNullable(ctx.request().getFormAttribute("card")).orElse("").replaceAll("[\\s-]", "");
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            html(ctx, 422, Pages.checkout(cartCount(ctx), "Please enter a valid email address.", beacon));
        } else if (!card.matches("\\d{12,19}")) {
            html(ctx, 422, Pages.checkout(cartCount(ctx), "Please enter a card number of 12 to 19 digits.", beacon));
        } else {
            store.checkout(cartId(ctx)).ifPresentOrElse(order -> {
                metrics.purchaseCompleted(fromProbe(ctx));
                redirect(ctx, "/orders/" + order.id());
            }, () -> html(ctx, 409, Pages.checkout(0, "Your cart is empty.", beacon)));
        }
    }

    private void loginForm(RoutingContext ctx) {
        String email = Optional.ofNullable(ctx.request().getFormAttribute("email")).orElse("");
        String password = Optional.ofNullable(ctx.request().getFormAttribute("password")).orElse("");
        if (email.isBlank() || password.length() < 4) {
            html(ctx, 401, Pages.login("Wrong email or password."));
            return;
        }
        ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, UUID.randomUUID().toString()).setPath("/").setHttpOnly(true));
        redirect(ctx, "/account");
    }

    /** Whether a probe sent the request: its User-Agent names Probefleet (agents add the region header too, but a bare run need not). */
    static boolean fromProbe(RoutingContext ctx) {
        String userAgent = ctx.request().getHeader(HttpHeaders.USER_AGENT);
        return userAgent != null && userAgent.contains(PROBE_USER_AGENT);
    }

    private String cartId(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(CART_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private int cartCount(RoutingContext ctx) {
        return store.cart(cartId(ctx)).map(lines -> lines.stream().mapToInt(Store.Line::quantity).sum()).orElse(0);
    }

    static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(page);
    }

    static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject object ? object.encode() : ((JsonArray) body).encode();
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(text);
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
    }

    static int quantity(Object raw) {
        if (raw == null) {
            return 1;
        }
        if (raw instanceof Integer value && value >= 1 && value <= MAX_QUANTITY) {
            return value;
        }
        throw new IllegalArgumentException("quantity must be a whole number from 1 to " + MAX_QUANTITY);
    }
}
