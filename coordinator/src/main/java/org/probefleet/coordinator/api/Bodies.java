package org.probefleet.coordinator.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * How request bodies are read: only after the route's caller is known (the route puts its
 * token check first), only JSON where JSON is expected, never spooled to disk, and bounded per route.
 */
final class Bodies {

    private Bodies() {
    }

    /**
     * Reads a JSON body of at most {@code limit} bytes. A body declared as anything else (a form,
     * a multipart upload) is 415 before a byte is read; one with no Content-Type is read as JSON.
     */
    static Handler<RoutingContext> json(long limit) {
        BodyHandler reader = BodyHandler.create().setBodyLimit(limit).setHandleFileUploads(false).setDeleteUploadedFilesOnEnd(true);
        return ctx -> {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && !isJson(type)) {
                Http.error(ctx, 415, "send application/json (Content-Type: application/json), not " + type.split(";")[0].trim());
                return;
            }
            reader.handle(ctx);
        };
    }

    private static boolean isJson(String type) {
        String media = type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }
}
