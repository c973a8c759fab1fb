package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.probefleet.coordinator.config.RumConfig;
import org.probefleet.coordinator.rum.Beacon;
import org.probefleet.coordinator.rum.RateLimiter;
import org.probefleet.coordinator.rum.RumTallies;
import org.probefleet.wire.api.StrictJson;

/**
 * The real-user beacon: {@code GET /rum.js}, and {@code POST /api/v1/rum?site=KEY}, public (pages
 * have no token) but answered only for a configured site key from one of its origins, with CORS
 * for exactly that origin. Everything that can refuse cheaply comes before the body is read: the
 * global rate limit, the site and origin, the site's rate limit, so a flood costs little more
 * than its 429s. Completions are good, failures bad, in the rum SLOs' minute tallies.
 */
final class RumRoutes {

    static final String PATH = "/api/v1/rum";
    /** A beacon is under 100 bytes; room for a long journey name, nothing more. */
    static final long MAX_BODY = 1024;
    private static final String SCRIPT = script();

    private final RumConfig config;
    private final Clock clock;
    private final RumTallies tallies;
    private final RateLimiter global;
    private final Map<String, RateLimiter> perSite = new HashMap<>();

    RumRoutes(RumConfig config, Clock clock, RumTallies tallies, LongSupplier nanoTime) {
        this.config = config;
        this.clock = clock;
        this.tallies = tallies;
        this.global = new RateLimiter(config.globalRateLimitPerSecond(), nanoTime);
        config.sites().forEach(site -> perSite.put(site.key(), new RateLimiter(config.rateLimitPerSecond(), nanoTime)));
    }

    void mount(Router router) {
        router.get("/rum.js").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300").end(SCRIPT));
        router.options(PATH).handler(this::preflight);
        BodyHandler reader = BodyHandler.create().setBodyLimit(MAX_BODY).setHandleFileUploads(false);
        // Wrapped, as in Bodies: Vert.x wants a bare body handler first, but refusals must come before the body is read.
        router.post(PATH).handler(this::admit).handler(ctx -> reader.handle(ctx)).handler(this::beacon);
    }

    private void preflight(RoutingContext ctx) {
        allowedSite(ctx).ifPresent(site -> cors(ctx).putHeader("Access-Control-Allow-Methods", "POST")
                .putHeader("Access-Control-Allow-Headers", "Content-Type").putHeader("Access-Control-Max-Age", "86400")
                .setStatusCode(204).end());
    }

    /** The refusals that need no body: too many beacons overall, an unknown site or origin, too many from this site. */
    private void admit(RoutingContext ctx) {
        if (!global.tryAcquire()) {
            Http.error(ctx, 429, "too many beacons; try later");
            return;
        }
        Optional<RumConfig.Site> site = allowedSite(ctx);
        if (site.isEmpty()) {
            return;
        }
        if (!perSite.get(site.get().key()).tryAcquire()) {
            cors(ctx);
            Http.error(ctx, 429, "too many beacons for this site; try later");
            return;
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String media = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!media.isEmpty() && !media.equals("application/json") && !media.equals("text/plain")) {
            cors(ctx);
            Http.error(ctx, 415, "send the beacon as application/json or text/plain, not " + media);
            return;
        }
        ctx.put("site", site.get());
        ctx.next();
    }

    private void beacon(RoutingContext ctx) {
        RumConfig.Site site = ctx.get("site");
        cors(ctx);
        Buffer raw = ctx.body().buffer();
        JsonNode body;
        try {
            body = StrictJson.read(raw == null ? new byte[0] : raw.getBytes(), "beacon");
        } catch (StrictJson.Malformed e) {
            Http.error(ctx, 400, "the body is not one JSON object: " + e.getMessage());
            return;
        }
        Beacon.Read read = Beacon.read(body);
        if (read.beacon().isEmpty()) {
            Http.error(ctx, 400, read.problem());
            return;
        }
        Beacon beacon = read.beacon().get();
        boolean sampled = beacon.sampled(site.sample());
        boolean counted = sampled && beacon.event() != Beacon.Event.START
                && tallies.add(beacon.journey(), beacon.event() == Beacon.Event.COMPLETE, clock.instant());
        Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("sampled", sampled).put("counted", counted));
    }

    /** The site of {@code ?site=} when the request's Origin is on its list; otherwise answers 403 without CORS headers. */
    private Optional<RumConfig.Site> allowedSite(RoutingContext ctx) {
        String key = ctx.request().getParam("site");
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        Optional<RumConfig.Site> site = key == null ? Optional.empty() : config.site(key);
        if (site.isEmpty()) {
            Http.error(ctx, 403, "unknown site key: pages send ?site= with a key the coordinator's rum: sites list");
            return Optional.empty();
        }
        if (origin == null || !site.get().origins().contains(origin.toLowerCase(Locale.ROOT))) {
            Http.error(ctx, 403, "this origin may not send beacons for this site key");
            return Optional.empty();
        }
        return site;
    }

    private static io.vertx.core.http.HttpServerResponse cors(RoutingContext ctx) {
        return ctx.response().putHeader("Access-Control-Allow-Origin", ctx.request().getHeader(HttpHeaders.ORIGIN))
                .putHeader(HttpHeaders.VARY, "Origin");
    }

    private static String script() {
        try (InputStream in = RumRoutes.class.getResourceAsStream("/rum/rum.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("rum.js is missing from the coordinator's resources", e);
        }
    }
}
