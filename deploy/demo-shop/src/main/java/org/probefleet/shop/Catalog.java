package org.probefleet.shop;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The shop's fixed catalogue. The first product is the deal of the day on the home page. */
final class Catalog {

    record Product(String id, String name, String description, long priceCents) {
        String price() {
            return money(priceCents);
        }

        JsonObject toJson() {
            return new JsonObject().put("id", id).put("name", name).put("description", description)
                    .put("price", priceCents / 100.0).put("currency", "USD");
        }
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("lamp-01", "Desk Lamp", "A warm LED lamp for late incident reviews.", 3900),
            new Product("mug-02", "Coffee Mug", "Holds enough coffee for a full on-call shift.", 1200),
            new Product("shoe-03", "Trail Shoes", "For running away from pagers.", 8900),
            new Product("book-04", "SRE Workbook", "Chapter 5 explains multiwindow burn-rate alerts.", 4500),
            new Product("chair-05", "Office Chair", "Ergonomic, with room for a laptop on your knees.", 21900));

    private Catalog() {
    }

    static String money(long cents) {
        return String.format(Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
    }

    static Optional<Product> find(String id) {
        return PRODUCTS.stream().filter(product -> product.id().equals(id)).findFirst();
    }

    static List<Product> search(String query) {
        String needle = query.toLowerCase(Locale.ROOT).trim();
        if (needle.isEmpty()) {
            return List.of();
        }
        return PRODUCTS.stream().filter(product -> product.name().toLowerCase(Locale.ROOT).contains(needle)
                || product.id().contains(needle)).toList();
    }
}
