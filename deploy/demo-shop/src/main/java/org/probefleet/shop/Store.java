package org.probefleet.shop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Carts and orders in memory, each bounded so a long benchmark cannot grow the shop without
 * limit: the oldest entries go first.
 */
final class Store {

    static final int MAX_ENTRIES = 20_000;

    record Line(Catalog.Product product, int quantity) {
    }

    record Order(String id, List<Line> lines, long totalCents) {
    }

    private final Map<String, List<Line>> carts = bounded();
    private final Map<String, Order> orders = bounded();

    private static <V> Map<String, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        });
    }

    String newCart() {
        String id = UUID.randomUUID().toString();
        carts.put(id, new ArrayList<>());
        return id;
    }

    Optional<List<Line>> cart(String id) {
        return Optional.ofNullable(id).map(carts::get).map(List::copyOf);
    }

    /** Adds to a cart, creating it under {@code id} when it does not exist (a browser's cookie may outlive a restart). */
    List<Line> add(String id, Catalog.Product product, int quantity) {
        synchronized (carts) {
            List<Line> lines = carts.computeIfAbsent(id, key -> new ArrayList<>());
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).product().equals(product)) {
                    lines.set(i, new Line(product, lines.get(i).quantity() + quantity));
                    return List.copyOf(lines);
                }
            }
            lines.add(new Line(product, quantity));
            return List.copyOf(lines);
        }
    }

    /** Turns a non-empty cart into an order and empties the cart. */
    Optional<Order> checkout(String cartId) {
        synchronized (carts) {
            List<Line> lines = cartId == null ? null : carts.get(cartId);
            if (lines == null || lines.isEmpty()) {
                return Optional.empty();
            }
            long total = lines.stream().mapToLong(line -> line.product().priceCents() * line.quantity()).sum();
            Order order = new Order(UUID.randomUUID().toString().substring(0, 8).toUpperCase(), List.copyOf(lines), total);
            orders.put(order.id(), order);
            lines.clear();
            return Optional.of(order);
        }
    }

    Optional<Order> order(String id) {
        return Optional.ofNullable(orders.get(id));
    }
}
