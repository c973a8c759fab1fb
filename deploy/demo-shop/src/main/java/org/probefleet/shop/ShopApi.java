package org.probefleet.shop;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** The shop's JSON API: products, carts and orders. */
final class ShopApi {

    private final Store store;

    ShopApi(Store store) {
        this.store = store;
    }

    void mount(Router router) {
        router.get("/api/products").handler(ctx -> DemoShop.json(ctx, 200, new JsonObject().put("products",
                new JsonArray(Catalog.PRODUCTS.stream().map(Catalog.Product::toJson).toList()))));
        router.get("/api/products/:id").handler(ctx -> Catalog.find(ctx.pathParam("id")).ifPresentOrElse(
                product -> DemoShop.json(ctx, 200, product.toJson()), () -> notFound(ctx, "product")));
        router.post("/api/cart").handler(ctx -> DemoShop.json(ctx, 201, cart(store.newCart(), List.of())));
        router.get("/api/cart/:id").handler(ctx -> store.cart(ctx.pathParam("id")).ifPresentOrElse(
                lines -> DemoShop.json(ctx, 200, cart(ctx.pathParam("id"), lines)), () -> notFound(ctx, "cart")));
        router.post("/api/cart/:id/items").handler(this::addItem);
        router.post("/api/orders").handler(this::placeOrder);
        router.get("/api/orders/:id").handler(ctx -> store.order(ctx.pathParam("id")).ifPresentOrElse(
                order -> DemoShop.json(ctx, 200, order(order)), () -> notFound(ctx, "order")));
    }

    private void addItem(RoutingContext ctx) {
        String cartId = ctx.pathParam("id");
        if (store.cart(cartId).isEmpty()) {
            notFound(ctx, "cart");
            return;
        }
        Optional<JsonObject> body = body(ctx);
        if (body.isEmpty()) {
            return;
        }
        Optional<Catalog.Product> product = Catalog.find(body.get().getValue("productId") instanceof String id ? id : "");
        if (product.isEmpty()) {
            badRequest(ctx, "productId must name a product from /api/products");
            return;
        }
        try {
            int quantity = DemoShop.quantity(body.get().getValue("quantity"));
            DemoShop.json(ctx, 200, cart(cartId, store.add(cartId, product.get(), quantity)));
        } catch (IllegalArgumentException e) {
            badRequest(ctx, e.getMessage());
        }
    }

    private void placeOrder(RoutingContext ctx) {
        Optional<JsonObject> body = body(ctx);
        if (body.isEmpty()) {
            return;
        }
        String cartId = body.get().getValue("cartId") instanceof String id ? id : null;
        String email = body.get().getValue("email") instanceof String text ? text : "";
        if (cartId == null || !email.contains("@")) {
            badRequest(ctx, "an order needs cartId and an email");
            return;
        }
        if (store.cart(cartId).isEmpty()) {
            notFound(ctx, "cart");
            return;
        }
        store.checkout(cartId).ifPresentOrElse(order -> DemoShop.json(ctx, 201, order(order)),
                () -> DemoShop.json(ctx, 409, new JsonObject().put("error", "the cart is empty")));
    }

    private static Optional<JsonObject> body(RoutingContext ctx) {
        try {
            return Optional.of(ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject());
        } catch (DecodeException | ClassCastException e) {
            badRequest(ctx, "the body must be a JSON object");
            return Optional.empty();
        }
    }

    private static JsonObject cart(String id, List<Store.Line> lines) {
        return new JsonObject().put("id", id).put("items", lines(lines));
    }

    private static JsonObject order(Store.Order order) {
        return new JsonObject().put("id", order.id()).put("status", "confirmed")
                .put("total", order.totalCents() / 100.0).put("items", lines(order.lines()));
    }

    private static JsonArray lines(List<Store.Line> lines) {
        return new JsonArray(lines.stream().map(line -> new JsonObject().put("productId", line.product().id())
                .put("quantity", line.quantity())).toList());
    }

    private static void notFound(RoutingContext ctx, String what) {
        DemoShop.json(ctx, 404, new JsonObject().put("error", "no such " + what));
    }

    private static void badRequest(RoutingContext ctx, String message) {
        DemoShop.json(ctx, 400, new JsonObject().put("error", message));
    }
}
