package org.probefleet.bench.prober;

import java.util.ArrayList;
import java.util.List;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;

/** The benchmark's journeys against the shop: the example checkout (7 steps) and a three-step HTTP journey. */
final class BenchJourneys {

    static final String EMAIL = "bench-buyer@probefleet.test";
    static final String CARD = "4242 4242 4242 4242";

    private BenchJourneys() {
    }

    /** {@code count} copies of the checkout, each with its own id so the scheduler spreads them over the minute. */
    static List<Journey> checkouts(String baseUrl, int count) {
        return load("checkout", count, id -> """
                journey: %s
                schedule: { every: 1m }
                timeout: 30s
                base_url: %s
                kind: browser
                steps:
                  - { name: open home, goto: / }
                  - { name: add to cart, click: { role: button, name: "Add to cart" } }
                  - { name: go to checkout, click: { role: link, name: "Checkout" } }
                  - { name: fill email, fill: { label: Email, value: "${secret:CHECKOUT_EMAIL}" } }
                  - { name: fill card, fill: { label: Card number, value: "%s" } }
                  - { name: pay, click: { role: button, name: "Pay now" } }
                  - { name: confirmed, expect: { text: "Order confirmed", within: 5s } }
                """.formatted(id, baseUrl, CARD));
    }

    /** {@code count} copies of the HTTP journey: list products, create a cart, add an item. */
    static List<Journey> apis(String baseUrl, int count) {
        return load("api", count, id -> """
                journey: %s
                schedule: { every: 1m }
                timeout: 10s
                base_url: %s
                kind: http
                steps:
                  - name: list products
                    request: { method: GET, path: /api/products }
                    expect: { status: 200 }
                    extract: { product_id: "$.products[0].id" }
                  - name: create cart
                    request: { method: POST, path: /api/cart }
                    expect: { status: 201 }
                    extract: { cart_id: "$.id" }
                  - name: add item
                    request: { method: POST, path: "/api/cart/${cart_id}/items", json: { productId: "${product_id}", quantity: 1 } }
                    expect: { status: 200 }
                """.formatted(id, baseUrl));
    }

    private static List<Journey> load(String kind, int count, java.util.function.Function<String, String> yaml) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + kind + "-" + i;
            files.add(new SourceFile(id + ".yaml", yaml.apply(id)));
        }
        LoadResult loaded = DefinitionLoader.load(files);
        if (!loaded.ok()) {
            throw new IllegalStateException("the benchmark's journeys do not load: " + loaded.problems());
        }
        return loaded.definitions().journeys();
    }
}
