package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.probefleet.coordinator.ingest.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screenshots and Playwright traces uploaded by agents for failures. The token is checked before
 * a byte of the body is read, and the body streams to a file under the uploading agent's folder
 * (never held in memory whole), stopping at the size limit.
 */
final class ArtifactRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactRoutes.class);
    /** Disk one agent's artifacts may take, in largest uploads (1,000 MiB by default); past it uploads are refused until retention frees room. */
    static final long QUOTA_IN_LARGEST_UPLOADS = 50;

    private final Vertx vertx;
    private final Services services;
    private final Access access;
    private final ArtifactFiles files;

    ArtifactRoutes(Vertx vertx, Services services, Access access) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
        this.files = new ArtifactFiles(services.config().dataDir().resolve("artifacts"),
                QUOTA_IN_LARGEST_UPLOADS * services.config().artifactMaxBytes());
    }

    void mount(Router router) {
        router.put("/api/v1/artifacts/:id").handler(this::put);
        router.get("/api/v1/artifacts/:id").handler(this::get);
    }

    ArtifactFiles files() {
        return files;
    }

    private void put(RoutingContext ctx) {
        ctx.request().pause();
        Optional<Tokens.Identity> agent = access.agent(ctx);
        if (agent.isEmpty()) {
            return;
        }
        String id = ctx.pathParam("id");
        if (!ArtifactFiles.validId(id)) {
            Http.error(ctx, 400, "artifact ids are letters, digits, '.', '_' and '-' (at most 200)");
            return;
        }
        long limit = services.config().artifactMaxBytes();
        long declared = declaredLength(ctx.request());
        if (declared > limit) {
            Http.error(ctx, 413, "an artifact may have at most " + limit + " bytes; this one has " + declared);
            return;
        }
        String name = agent.get().agent();
        vertx.executeBlocking(() -> files.check(name, id, Math.max(declared, 0))).onComplete(checked -> {
            if (checked.failed()) {
                LOG.error("checking artifact {} from agent {} failed", id, name, checked.cause());
                Http.error(ctx, 503, "the artifact could not be stored");
            } else if (checked.result().isPresent()) {
                Http.error(ctx, checked.result().get().status(), checked.result().get().message());
            } else {
                stream(ctx, name, id, limit);
            }
        });
    }

    /** Streams the body to a partial file with back-pressure, then moves it into place; over the limit it stops and answers 413. */
    private void stream(RoutingContext ctx, String agent, String id, long limit) {
        HttpServerRequest request = ctx.request();
        Path partial;
        try {
            partial = files.partial(agent, id);
        } catch (java.io.IOException e) {
            LOG.error("cannot create the artifact folder for agent {}", agent, e);
            Http.error(ctx, 503, "the artifact could not be stored");
            return;
        }
        vertx.fileSystem().open(partial.toString(), new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(true))
                .onFailure(e -> Http.error(ctx, 503, "the artifact could not be stored"))
                .onSuccess(file -> receive(ctx, request, file, partial, agent, id, limit));
    }

    private void receive(RoutingContext ctx, HttpServerRequest request, AsyncFile file, Path partial, String agent, String id, long limit) {
        AtomicLong received = new AtomicLong();
        request.handler(chunk -> {
            if (ctx.response().ended()) {
                return;
            }
            if (received.addAndGet(chunk.length()) > limit) {
                abandon(file, partial);
                Http.error(ctx, 413, "an artifact may have at most " + limit + " bytes");
                request.connection().close();
                return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(drained -> request.resume());
            }
        });
        request.exceptionHandler(e -> abandon(file, partial));
        request.endHandler(end -> {
            if (ctx.response().ended()) {
                return;
            }
            file.close().compose(closed -> vertx.executeBlocking(() -> {
                files.commit(partial, agent, id);
                return received.get();
            })).onSuccess(bytes -> Http.json(ctx, 201, JsonNodeFactory.instance.objectNode().put("id", id).put("bytes", bytes)))
                    .onFailure(e -> {
                        LOG.error("storing artifact {} from agent {} failed", id, agent, e);
                        abandon(file, partial);
                        Http.error(ctx, 503, "the artifact could not be stored");
                    });
        });
        request.resume();
    }

    private void abandon(AsyncFile file, Path partial) {
        file.close().eventually(() -> vertx.fileSystem().delete(partial.toString()).recover(e -> Future.succeededFuture()));
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void get(RoutingContext ctx) {
        if (!access.read(ctx)) {
            return;
        }
        String id = ctx.pathParam("id");
        if (!ArtifactFiles.validId(id)) {
            Http.error(ctx, 404, "no artifact " + id);
            return;
        }
        vertx.executeBlocking(() -> files.find(id)).onComplete(found -> {
            if (found.failed() || found.result().isEmpty() || !Files.isRegularFile(found.result().get())) {
                Http.error(ctx, 404, "no artifact " + id);
                return;
            }
            String type = id.endsWith(".png") ? "image/png" : id.endsWith(".zip") ? "application/zip" : "application/octet-stream";
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type)
                    .putHeader("Content-Disposition", "attachment; filename=\"" + id + "\"").sendFile(found.result().get().toString());
        });
    }
}
