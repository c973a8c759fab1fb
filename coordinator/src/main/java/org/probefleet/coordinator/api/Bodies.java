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

    /** Reads a JSON body of at most {@code limit} bytes; anything else is 415 before a byte is read. */
    static Handler<RoutingContext> json(long limit) {
        BodyHandler reader = BodyHandler.create().setBodyLimit(limit).setHandleFileUploads(false).setDeleteUploadedFilesOnEnd(true);
        return ctx -> {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && !isJson(type) || type == null && hasBody(ctx)) {
                Http.error(ctx, 415, "send application/json (Content-Type: application/json), not "
                        + (type == null ? "a body without a Content-Type" : type.split(";")[0].trim()));
                return;
            }
            reader.handle(ctx);
        };
    }

    private static boolean isJson(String type) {
        String media = type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static boolean hasBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}
