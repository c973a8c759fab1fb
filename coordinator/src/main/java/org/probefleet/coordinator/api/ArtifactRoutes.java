package org.probefleet.coordinator.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.probefleet.wire.outcome.OutcomeJson;

/** Screenshots and Playwright traces uploaded by agents for failures, kept under the data folder. */
final class ArtifactRoutes {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Vertx vertx;
    private final Services services;
    private final Access access;

    ArtifactRoutes(Vertx vertx, Services services, Access access) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
    }

    void mount(Router router) {
        router.put("/api/v1/artifacts/:id").handler(BodyHandler.create().setBodyLimit(services.config().artifactMaxBytes()));
        router.put("/api/v1/artifacts/:id").handler(this::put);
        router.get("/api/v1/artifacts/:id").handler(this::get);
    }

    private Path folder() {
        return services.config().dataDir().resolve("artifacts");
    }

    private void put(RoutingContext ctx) {
        if (access.agent(ctx).isEmpty()) {
            return;
        }
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches() || id.contains("..")) {
            Http.error(ctx, 400, "artifact ids are letters, digits, '.', '_' and '-' (at most 200)");
            return;
        }
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        vertx.executeBlocking(() -> {
            Files.createDirectories(folder());
            Path target = folder().resolve(id);
            Path temporary = folder().resolve(id + ".part");
            Files.write(temporary, bytes);
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return bytes.length;
        }).onComplete(done -> {
            if (done.succeeded()) {
                Http.json(ctx, 201, OutcomeJson.MAPPER.createObjectNode().put("id", id).put("bytes", done.result()));
            } else {
                Http.error(ctx, 503, "the artifact could not be stored");
            }
        });
    }

    private void get(RoutingContext ctx) {
        if (!access.read(ctx)) {
            return;
        }
        String id = ctx.pathParam("id");
        Path file = folder().resolve(id);
        if (!ID.matcher(id).matches() || id.contains("..") || !Files.isRegularFile(file)) {
            Http.error(ctx, 404, "no artifact " + id);
            return;
        }
        String type = id.endsWith(".png") ? "image/png" : id.endsWith(".zip") ? "application/zip" : "application/octet-stream";
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader("Content-Disposition", "attachment; filename=\"" + id + "\"").sendFile(file.toString());
    }
}
