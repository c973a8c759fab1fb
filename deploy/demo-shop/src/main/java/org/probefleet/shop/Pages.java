package org.probefleet.shop;

import java.util.List;

/** The shop's HTML: plain, accessible pages (landmarks, labels, real buttons) that journeys read like a user. */
final class Pages {

    private Pages() {
    }

    static String layout(String title, int cartCount, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Demo Shop</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
                header{background:#24292f;color:#fff;padding:.8rem 1.5rem;display:flex;gap:1.5rem;align-items:center}
                header a{color:#fff;text-decoration:none}header .brand{font-weight:700;margin-right:auto}
                main{max-width:52rem;margin:1.5rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px}
                label{display:block;margin:.8rem 0 .2rem}input{padding:.45rem;width:20rem;max-width:100%%}
                button{margin-top:1rem;padding:.5rem 1.2rem;background:#1f883d;color:#fff;border:0;border-radius:6px;font-size:1rem}
                .price{font-weight:600}.error{color:#cf222e}ul.products{list-style:none;padding:0}
                ul.products li{padding:.4rem 0;border-bottom:1px solid #eee}
                </style>
                </head>
                <body>
                <header>
                <a class="brand" href="/">Demo Shop</a>
                <nav aria-label="Main"><a href="/">Catalogue</a> · <a href="/cart">Cart (%d)</a> · <a href="/login">Sign in</a></nav>
                <form role="search" action="/search" method="get">
                <input type="search" name="q" aria-label="Search" placeholder="Search products">
                </form>
                </header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), cartCount, body);
    }

    static String home(int cartCount) {
        Catalog.Product deal = Catalog.PRODUCTS.get(0);
        StringBuilder list = new StringBuilder();
        for (Catalog.Product product : Catalog.PRODUCTS) {
            list.append("<li><a href=\"/products/").append(product.id()).append("\">").append(escape(product.name()))
                    .append("</a> <span class=\"price\">").append(product.price()).append("</span></li>\n");
        }
        return layout("Catalogue", cartCount, """
                <h1>Welcome to the Demo Shop</h1>
                <section aria-labelledby="deal">
                <h2 id="deal">Deal of the day</h2>
                <p><strong>%s</strong>: %s <span class="price">%s</span></p>
                %s
                </section>
                <section aria-labelledby="all">
                <h2 id="all">All products</h2>
                <ul class="products">
                %s</ul>
                </section>
                """.formatted(escape(deal.name()), escape(deal.description()), deal.price(), addToCart(deal), list));
    }

    static String product(Catalog.Product product, int cartCount) {
        return layout(product.name(), cartCount, """
                <h1>%s</h1>
                <p>%s</p>
                <p class="price">%s</p>
                %s
                """.formatted(escape(product.name()), escape(product.description()), product.price(), addToCart(product)));
    }

    private static String addToCart(Catalog.Product product) {
        return "<form method=\"post\" action=\"/cart/add\"><input type=\"hidden\" name=\"product\" value=\""
                + product.id() + "\"><button type=\"submit\">Add to cart</button></form>";
    }

    static String cart(List<Store.Line> lines) {
        int count = lines.stream().mapToInt(Store.Line::quantity).sum();
        if (lines.isEmpty()) {
            return layout("Cart", 0, "<h1>Your cart</h1>\n<p>Your cart is empty. <a href=\"/\">Browse the catalogue</a>.</p>");
        }
        StringBuilder rows = new StringBuilder();
        long total = 0;
        for (Store.Line line : lines) {
            total += line.product().priceCents() * line.quantity();
            rows.append("<tr><td>").append(escape(line.product().name())).append("</td><td>").append(line.quantity())
                    .append("</td><td>").append(line.product().price()).append("</td></tr>\n");
        }
        return layout("Cart", count, """
                <h1>Your cart</h1>
                <table>
                <thead><tr><th>Product</th><th>Quantity</th><th>Price</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                <p>Total: <span class="price">%s</span></p>
                <p><a href="/checkout">Checkout</a></p>
                """.formatted(rows, Catalog.money(total)));
    }

    static String checkout(int cartCount, String error) {
        String message = error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>\n";
        return layout("Checkout", cartCount, """
                <h1>Checkout</h1>
                %s<form method="post" action="/checkout">
                <label for="email">Email</label>
                <input id="email" name="email" type="email" autocomplete="email" required>
                <label for="card">Card number</label>
                <input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required>
                <label for="expiry">Expiry</label>
                <input id="expiry" name="expiry" placeholder="MM/YY" autocomplete="cc-exp">
                <button type="submit">Pay now</button>
                </form>
                """.formatted(message));
    }

    static String order(Store.Order order) {
        return layout("Order " + order.id(), 0, """
                <h1>Order confirmed</h1>
                <p>Thank you! Your order number is <strong data-testid="order-id">%s</strong>.</p>
                <p>Total paid: <span class="price">%s</span></p>
                """.formatted(escape(order.id()), Catalog.money(order.totalCents())));
    }

    static String login(String error) {
        String message = error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>\n";
        return layout("Sign in", 0, """
                <h1>Sign in</h1>
                %s<form method="post" action="/login">
                <label for="email">Email</label>
                <input id="email" name="email" type="email" autocomplete="username" required>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Sign in</button>
                </form>
                """.formatted(message));
    }

    static String account(int cartCount) {
        return layout("Your account", cartCount, "<h1>Welcome back</h1>\n<p>Your orders and settings are here.</p>");
    }

    static String search(String query, List<Catalog.Product> results, int cartCount) {
        StringBuilder list = new StringBuilder();
        for (Catalog.Product product : results) {
            list.append("<li data-testid=\"search-result\"><a href=\"/products/").append(product.id()).append("\">")
                    .append(escape(product.name())).append("</a></li>\n");
        }
        return layout("Search", cartCount, """
                <h1>%d results for “%s”</h1>
                <ul class="products">
                %s</ul>
                """.formatted(results.size(), escape(query), list));
    }

    /** What {@code silent} chaos serves: a 200 page that looks fine to HTTP metrics but lacks what the user came for. */
    static String silent() {
        return layout("Please wait", 0, "<h1>Thank you</h1>\n<p>We are processing your request.</p>");
    }

    static String notFound() {
        return layout("Not found", 0, "<h1>Page not found</h1>\n<p><a href=\"/\">Back to the catalogue</a></p>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
